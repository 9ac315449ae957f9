package io.harakalint.live;

import static io.harakalint.live.SmtpProbe.OUTSIDE;

import io.harakalint.live.LiveReport.Verdict;
import io.harakalint.live.SmtpProbe.Client;
import io.harakalint.live.SmtpProbe.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may choose the client address Haraka 3.3.4 judges: PROXY headers from peers inside
 * connection.ini {@code [haproxy] hosts[]} (HL207 too broad, HL209 a mask that is not a number),
 * and XCLIENT from loopback (HL213). The relay ACL lists only 198.18.0.10/32, so "the announced
 * 198.18.0.10 relays" shows the announced address is the one Haraka uses. The load balancer in the
 * good tree is 192.0.2.1 (never contacted); the probes connect from 127.0.0.1, which is not it.
 */
@ExtendWith(LiveReport.Extension.class)
class ProxyLiveTest {
  private static final LiveServers SERVERS = new LiveServers();
  static final String PROXY_CLAIM = "127.0.0.1, which is not the load balancer, may send a PROXY header: the announced "
      + "198.18.0.10 is the client address and relays by its ACL entry";
  static final String XCLIENT_CLAIM = "127.0.0.1 may choose the client address with XCLIENT ADDR=198.18.0.10";

  @AfterAll
  static void stopServers() {
    SERVERS.close();
  }

  /** relay-acl with the shipped connection.ini whose [haproxy] hosts[] is {@code hosts}, kept as written. */
  private static HarakaServer proxyServer(String scenario, String hosts) {
    HarakaInstall install = LiveServers.require(HarakaInstall.haraka3());
    String shipped;
    try {
      shipped = Files.readString(install.harakaPackage().resolve("config/connection.ini"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String conn = shipped.replaceFirst("(?m)^hosts\\[\\]\\s*=\\s*$", "hosts[]=" + hosts);
    if (conn.equals(shipped)) throw new IllegalStateException("no empty hosts[] line in the shipped connection.ini");
    ScenarioTree tree = ScenarioTree.resource("relay-acl").variant(scenario).file("config/connection.ini", conn)
        .proxyHostsAsWritten();
    return SERVERS.get(tree, install);
  }

  /** The PROXY line was taken (no "PROXY not allowed") and the announced address relayed. */
  static Verdict proxyTrusted(Result r) {
    List<String> refused = r.logLines("PROXY not allowed");
    boolean relayed = r.relayAccepted();
    String evidence = refused.isEmpty()
        ? "PROXY 198.18.0.10 taken; " + (r.rcpts().isEmpty() ? "MAIL FROM: " + (r.mailFrom() == null ? "-" : r.mailFrom().text())
            : r.rcptSummary())
        : "PROXY refused: the EHLO got " + String.join(" / ", r.ehloBeforeTls());
    return Verdict.of(refused.isEmpty() && relayed, evidence);
  }

  @Test
  void loopbackRangeInHaproxyHostsLetsLocalProcessesChooseTheirAddress() {
    HarakaServer bad = proxyServer("haproxy-hosts-127-8", "127.0.0.0/8");
    Result r = SmtpProbe.as(Client.PUBLIC).rcpt(OUTSIDE).run(bad);
    LiveReport.check(bad, PROXY_CLAIM, Lint.of(bad.tree()).reports("HL207"), proxyTrusted(r), r.log());

    HarakaServer good = proxyServer("haproxy-hosts-one-lb", "192.0.2.1/32");
    Result g = SmtpProbe.as(Client.PUBLIC).rcpt(OUTSIDE).run(good);
    LiveReport.check(good, PROXY_CLAIM, Lint.of(good.tree()).reports("HL207"), proxyTrusted(g), g.log());
  }

  @Test
  void haproxyHostMaskThatIsNotANumberTrustsEveryone() {
    HarakaServer bad = proxyServer("haproxy-hosts-nan-mask", "192.0.2.1/abc");
    Result r = SmtpProbe.as(Client.PUBLIC).rcpt(OUTSIDE).run(bad);
    LiveReport.check(bad, PROXY_CLAIM, Lint.of(bad.tree()).reports("HL209"), proxyTrusted(r), r.log());

    HarakaServer good = proxyServer("haproxy-hosts-one-lb", "192.0.2.1/32");
    Result g = SmtpProbe.as(Client.PUBLIC).rcpt(OUTSIDE).run(good);
    LiveReport.check(good, PROXY_CLAIM, Lint.of(good.tree()).reports("HL209"), proxyTrusted(g), g.log());
  }

  @Test
  void xclientLetsLoopbackChooseTheClientAddress() {
    HarakaInstall install = LiveServers.require(HarakaInstall.haraka3());
    ScenarioTree base = ScenarioTree.resource("relay-acl").withoutProxy();
    HarakaServer bad = SERVERS.get(base.variant("xclient").file("config/plugins",
        "xclient\nrelay\nrcpt_to.in_host_list\nqueue/smtp_forward\n"), install);
    Result r = SmtpProbe.as(Client.DIRECT).xclient(Client.PUBLIC.ip()).rcpt(OUTSIDE).run(bad);
    LiveReport.check(bad, XCLIENT_CLAIM, Lint.of(bad.tree()).reports("HL213"), xclientTaken(r), r.log());

    HarakaServer good = SERVERS.get(base.variant("relay-acl-no-proxy"), install);
    Result g = SmtpProbe.as(Client.DIRECT).xclient(Client.PUBLIC.ip()).rcpt(OUTSIDE).run(good);
    LiveReport.check(good, XCLIENT_CLAIM, Lint.of(good.tree()).reports("HL213"), xclientTaken(g), g.log());
  }

  /** XCLIENT answered 220 and later log lines name the new address. */
  static Verdict xclientTaken(Result r) {
    boolean accepted = r.xclient() != null && r.xclient().code() == 220;
    List<String> parts = new ArrayList<>();
    parts.add("XCLIENT ADDR=198.18.0.10: " + (r.xclient() == null ? "not sent" : r.xclient().text()));
    if (!r.rcpts().isEmpty()) parts.add(r.rcptSummary());
    r.log().stream().filter(l -> l.contains("ip=198.18.0.10")).findFirst()
        .ifPresent(l -> parts.add("server: " + l.replaceFirst("^.*?\\] \\[", "[")));
    return Verdict.of(accepted, String.join("; ", parts));
  }
}
