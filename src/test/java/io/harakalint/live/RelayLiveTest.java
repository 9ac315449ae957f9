package io.harakalint.live;

import static io.harakalint.live.SmtpProbe.OUTSIDE;

import io.harakalint.live.LiveReport.Verdict;
import io.harakalint.live.SmtpProbe.Client;
import io.harakalint.live.SmtpProbe.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Relay claims on Haraka 3.3.4 with haraka-plugin-relay 1.0.2: every pair is a bad tree where the
 * rule must fire and the server must relay, and a good tree where neither happens.
 */
@ExtendWith(LiveReport.Extension.class)
class RelayLiveTest {
  private static final LiveServers SERVERS = new LiveServers();
  static final String LOCAL = "postmaster@example.com";
  static final String OUTSIDE_AGAIN = "victim2@outside.example";

  @AfterAll
  static void stopServers() {
    SERVERS.close();
  }

  private static HarakaServer server(String scenario) {
    return SERVERS.get(ScenarioTree.resource(scenario), HarakaInstall.haraka3());
  }

  static Verdict relayed(Result r) {
    return Verdict.of(r.relayAccepted(), r.client().label() + ": " + r.rcptSummary());
  }

  @Test
  void relayAllTrueLetsAnyoneRelay() {
    String claim = "an unauthenticated public client may relay to an outside domain";
    HarakaServer bad = server("relay-all");
    Result r = SmtpProbe.as(Client.PUBLIC).rcpt(OUTSIDE).run(bad);
    LiveReport.check(bad, claim, Lint.of(bad.tree()).reports("HL201"), relayed(r), r.log());

    HarakaServer good = server("relay-acl");
    Result g = SmtpProbe.as(Client.PUBLIC_OTHER).rcpt(OUTSIDE).run(good);
    LiveReport.check(good, claim, Lint.of(good.tree()).reports("HL201"), relayed(g), g.log());
  }

  @Test
  void aclLetsTheListedHostRelayAndRefusesOthers() {
    HarakaServer s = server("relay-acl");
    Lint lint = Lint.of(s.tree());
    Result listed = SmtpProbe.as(Client.PUBLIC).rcpt(OUTSIDE).run(s);
    LiveReport.check(s, "198.18.0.10, listed as 198.18.0.10/32, may relay without AUTH",
        lint.aclAllows(Client.PUBLIC.ip()), relayed(listed), listed.log());

    Result other = SmtpProbe.as(Client.PUBLIC_OTHER).rcpt(OUTSIDE).run(s);
    Verdict model = lint.aclAllows(Client.PUBLIC_OTHER.ip());
    Verdict findings = lint.reportsAny("HL201", "HL202", "HL204");
    LiveReport.check(s, "198.18.0.11, not listed, may relay without AUTH",
        Verdict.of(model.holds() || findings.holds(), model.evidence() + "; " + findings.evidence()), relayed(other),
        other.log());
  }

  @Test
  void twoHalvesOfTheAddressSpaceAreAnOpenRelay() {
    String claim = "every IPv4 client may relay without AUTH (the ACL covers the whole space)";
    HarakaServer bad = server("relay-acl-halves");
    Lint lint = Lint.of(bad.tree());
    Result high = SmtpProbe.as(Client.PUBLIC).rcpt(OUTSIDE).run(bad);
    Result low = SmtpProbe.as(Client.PRIVATE).rcpt(OUTSIDE).run(bad);
    Verdict live = Verdict.of(high.relayAccepted() && low.relayAccepted(),
        relayed(high).evidence() + "; " + relayed(low).evidence());
    LiveReport.check(bad, claim, lint.reports("HL202", f -> f.anchor().startsWith("acl-whole-space"), "(whole space)"),
        live, concat(high, low));

    HarakaServer good = server("relay-acl");
    Result g = SmtpProbe.as(Client.PUBLIC_OTHER).rcpt(OUTSIDE).run(good);
    LiveReport.check(good, claim, Lint.of(good.tree()).reports("HL202"), relayed(g), g.log());
  }

  @Test
  void destDomainsAcceptOpensTheRestOfTheTransaction() {
    String claim = "after one RCPT TO a domain the server accepts, RCPT TO an outside domain is relayed in the same transaction";
    HarakaServer bad = server("dest-domains");
    Result r = SmtpProbe.as(Client.PUBLIC).rcpt(OUTSIDE, "someone@accepted.example", OUTSIDE_AGAIN).run(bad);
    LiveReport.check(bad, claim, Lint.of(bad.tree()).reports("HL206"), laterOutsideRelayed(r), r.log());

    HarakaServer good = server("relay-acl");
    Result g = SmtpProbe.as(Client.PUBLIC_OTHER).rcpt(OUTSIDE, LOCAL, OUTSIDE_AGAIN).run(good);
    LiveReport.check(good, claim, Lint.of(good.tree()).reports("HL206"), laterOutsideRelayed(g), g.log());
  }

  @Test
  void inlineCommentTurnsTheAclOff() {
    String claim = "[relay] acl is off: the listed 198.18.0.10 cannot relay";
    HarakaServer bad = server("inline-comment-acl");
    Result r = SmtpProbe.as(Client.PUBLIC).rcpt(OUTSIDE).run(bad);
    LiveReport.check(bad, claim, aclInlineComment(Lint.of(bad.tree())), refused(r), r.log());

    HarakaServer good = server("relay-acl");
    Result g = SmtpProbe.as(Client.PUBLIC).rcpt(OUTSIDE).run(good);
    LiveReport.check(good, claim, aclInlineComment(Lint.of(good.tree())), refused(g), g.log());
  }

  private static Verdict aclInlineComment(Lint lint) {
    return lint.reports("HL102", f -> f.span().file().endsWith("relay.ini"), "in relay.ini");
  }

  private static Verdict refused(Result r) {
    return Verdict.of(!r.relayAccepted(), r.client().label() + ": " + r.rcptSummary());
  }

  /** The first outside RCPT refused, a later one accepted. */
  private static Verdict laterOutsideRelayed(Result r) {
    boolean later = r.rcpt(OUTSIDE_AGAIN).map(SmtpProbe.Rcpt::accepted).orElse(false);
    return Verdict.of(!r.relayAccepted() && later, r.client().label() + ": " + r.rcptSummary());
  }

  static java.util.List<String> concat(Result a, Result b) {
    java.util.List<String> all = new java.util.ArrayList<>(a.log());
    all.addAll(b.log());
    return all;
  }
}
