package io.harakalint.live;

import static io.harakalint.live.RelayLiveTest.LOCAL;

import io.harakalint.live.LiveReport.Verdict;
import io.harakalint.live.SmtpProbe.Client;
import io.harakalint.live.SmtpProbe.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Settings that change what every sender sees on Haraka 3.3.4, each next to a tree where they do
 * not: a client certificate demanded from every STARTTLS client (HL307), STARTTLS hidden per port
 * (HL313), no recipient plugin (HL407), no queue plugin (HL408), and a host_list.anti_spoof file
 * holding "false" (HL108). The good tree of the mail-flow claims is relay-acl (rcpt_to.in_host_list
 * for example.com, queue/discard in place of queue/smtp_forward). HL407 and HL408 are about
 * something missing from config/plugins and stay silent while any local plugin is listed, so they
 * judge the tree without the harness's own live_rdns plugin ({@link Lint#withoutHarnessPlugin}).
 */
@ExtendWith(LiveReport.Extension.class)
class PolicyLiveTest {
  private static final LiveServers SERVERS = new LiveServers();

  @AfterAll
  static void stopServers() {
    SERVERS.close();
  }

  private static HarakaServer server(ScenarioTree tree) {
    return SERVERS.get(tree, HarakaInstall.haraka3());
  }

  private static HarakaServer tls(String scenario, String tlsIni) {
    return server(ScenarioTree.resource("tls-default").variant(scenario).file("config/tls.ini", tlsIni));
  }

  private static HarakaServer relayAcl() {
    return server(ScenarioTree.resource("relay-acl"));
  }

  @Test
  void rejectUnauthorizedFailsClientsWithoutACertificate() {
    String claim = "a client without a certificate completes STARTTLS (and gets an EHLO answer over TLS)";
    HarakaServer bad = tls("reject-unauthorized", "[main]\nrejectUnauthorized=true\n");
    Result r = SmtpProbe.as(Client.PUBLIC).startTls().run(bad);
    LiveReport.check(bad, claim, Verdict.of(!Lint.of(bad.tree()).reports("HL307").holds(),
        Lint.of(bad.tree()).reports("HL307").evidence()), tlsWorks(r), r.log());

    HarakaServer good = tls("reject-unauthorized-off", "[main]\nrejectUnauthorized=false\n");
    Result g = SmtpProbe.as(Client.PUBLIC).startTls().run(good);
    LiveReport.check(good, claim, Verdict.of(!Lint.of(good.tree()).reports("HL307").holds(),
        Lint.of(good.tree()).reports("HL307").evidence()), tlsWorks(g), g.log());
  }

  private static Verdict tlsWorks(Result r) {
    boolean ok = r.tlsEstablished() && !r.ehloAfterTls().isEmpty();
    String server = r.log().stream().filter(l -> l.contains("error") || l.contains("SSL routines")).findFirst()
        .map(l -> "; server: " + l.replaceFirst("^.*?\\] \\[[^\\]]*\\] ", "")).orElse("");
    return Verdict.of(ok, ok ? r.capabilities()
        : "STARTTLS: " + (r.starttls() == null ? "not tried" : r.starttls().text()) + ", then " + r.error() + server);
  }

  @Test
  void noStarttlsPortsWorksOnlyAsAList() {
    String claim = "STARTTLS is offered on the listener's port although tls.ini names it in no_starttls_ports";
    String port = ScenarioTree.PORT_PLACEHOLDER;
    HarakaServer bad = tls("no-starttls-ports-scalar", "[main]\nno_starttls_ports=" + port + "\n");
    Result r = SmtpProbe.as(Client.PUBLIC).run(bad);
    LiveReport.check(bad, claim, Lint.of(bad.tree()).reports("HL313"), starttlsOffered(r), r.log());

    HarakaServer good = tls("no-starttls-ports-list", "[main]\nno_starttls_ports[]=" + port + "\n");
    Result g = SmtpProbe.as(Client.PUBLIC).run(good);
    LiveReport.check(good, claim, Lint.of(good.tree()).reports("HL313"), starttlsOffered(g), g.log());
  }

  private static Verdict starttlsOffered(Result r) {
    return Verdict.of(r.offersBeforeTls("STARTTLS"), "port " + r.log().stream().filter(l -> l.contains("connect ip="))
        .findFirst().map(l -> l.replaceFirst("^.*local_port=(\\d+).*$", "$1")).orElse("?") + ": " + r.capabilities());
  }

  @Test
  void withoutARecipientPluginLocalMailIsRefused() {
    String claim = "RCPT TO a local domain (postmaster@example.com) from a public client is refused";
    HarakaServer bad = server(ScenarioTree.resource("relay-acl").variant("no-rcpt-plugin")
        .file("config/plugins", "queue/smtp_forward\n"));
    Result r = SmtpProbe.as(Client.PUBLIC_OTHER).rcpt(LOCAL).run(bad);
    LiveReport.check(bad, claim, withoutLiveRdns(bad, "HL407"), localRefused(r), r.log());

    HarakaServer good = relayAcl();
    Result g = SmtpProbe.as(Client.PUBLIC_OTHER).rcpt(LOCAL).run(good);
    LiveReport.check(good, claim, withoutLiveRdns(good, "HL407"), localRefused(g), g.log());
  }

  /** The rule's verdict on the tree without the harness's live_rdns plugin (see {@link Lint#withoutHarnessPlugin}). */
  private static Verdict withoutLiveRdns(HarakaServer s, String rule) {
    Verdict v = Lint.withoutHarnessPlugin(s.tree()).reports(rule);
    return Verdict.of(v.holds(), v.evidence() + " (linted without the harness's live_rdns plugin)");
  }

  private static Verdict localRefused(Result r) {
    boolean accepted = r.rcpt(LOCAL).map(SmtpProbe.Rcpt::accepted).orElse(false);
    return Verdict.of(!accepted, r.client().label() + ": " + r.rcptSummary());
  }

  @Test
  void withoutAQueuePluginMessagesAreRefusedAfterData() {
    String claim = "a message to a local recipient is refused after DATA";
    HarakaServer bad = server(ScenarioTree.resource("relay-acl").variant("no-queue-plugin")
        .file("config/plugins", "relay\nrcpt_to.in_host_list\n").withoutQueuePlugin());
    Result r = SmtpProbe.as(Client.PUBLIC_OTHER).rcpt(LOCAL).data().run(bad);
    LiveReport.check(bad, claim, withoutLiveRdns(bad, "HL408"), dataRefused(r), r.log());

    HarakaServer good = relayAcl();
    Result g = SmtpProbe.as(Client.PUBLIC_OTHER).rcpt(LOCAL).data().run(good);
    LiveReport.check(good, claim, withoutLiveRdns(good, "HL408"), dataRefused(g), g.log());
  }

  private static Verdict dataRefused(Result r) {
    if (r.data() == null) return Verdict.of(false, "DATA not reached: " + r.rcptSummary());
    return Verdict.of(!r.data().positive(), r.rcptSummary() + "; after DATA: " + r.data().text());
  }

  @Test
  void antiSpoofFalseRefusesMailFromLocalDomains() {
    String claim = "MAIL FROM a local domain (someone@example.com) from a public client that does not relay is refused";
    HarakaServer bad = server(ScenarioTree.resource("relay-acl").variant("anti-spoof-false")
        .file("config/host_list.anti_spoof", "false\n"));
    Result r = SmtpProbe.as(Client.PUBLIC_OTHER).mailFrom("someone@example.com").rcpt(LOCAL).run(bad);
    LiveReport.check(bad, claim, Lint.of(bad.tree()).reports("HL108", f -> f.anchor().contains("anti_spoof"), "(anti_spoof)"),
        mailFromRefused(r), r.log());

    HarakaServer good = relayAcl();
    Result g = SmtpProbe.as(Client.PUBLIC_OTHER).mailFrom("someone@example.com").rcpt(LOCAL).run(good);
    LiveReport.check(good, claim, Lint.of(good.tree()).reports("HL108", f -> f.anchor().contains("anti_spoof"), "(anti_spoof)"),
        mailFromRefused(g), g.log());
  }

  private static Verdict mailFromRefused(Result r) {
    return Verdict.of(r.mailFrom() != null && !r.mailFrom().positive(),
        r.client().label() + ": MAIL FROM:<someone@example.com> " + (r.mailFrom() == null ? "not sent" : r.mailFrom().text()));
  }
}
