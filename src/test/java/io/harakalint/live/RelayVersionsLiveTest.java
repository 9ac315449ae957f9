package io.harakalint.live;

import static io.harakalint.live.SmtpProbe.OUTSIDE;

import io.harakalint.live.LiveReport.Verdict;
import io.harakalint.live.SmtpProbe.Client;
import io.harakalint.live.SmtpProbe.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One tree, two Haraka versions: {@code 0.0.0.0/0} in relay_acl_allow is an open relay with the core
 * relay plugin of Haraka 2.8.28 (relay &lt;= 1.0.1 semantics) and silently the single host 0.0.0.0
 * with haraka-plugin-relay 1.0.2 on Haraka 3.3.4; HL204 must say which, from the version it detects.
 */
@ExtendWith(LiveReport.Extension.class)
class RelayVersionsLiveTest {
  private static final LiveServers SERVERS = new LiveServers();
  static final ScenarioTree SLASH_ZERO = ScenarioTree.resource("relay-acl-slash0");

  @AfterAll
  static void stopServers() {
    SERVERS.close();
  }

  private static Verdict saysEveryAddress(Lint lint) {
    return lint.reports("HL204", f -> f.message().contains("EVERY address may relay"), "saying every address may relay");
  }

  @Test
  void slashZeroIsAnOpenRelayWithLegacyRelayOnly() {
    String claim = "relay_acl_allow 0.0.0.0/0 lets every client relay without AUTH";
    HarakaServer legacy = SERVERS.get(SLASH_ZERO, HarakaInstall.haraka2());
    Result r = SmtpProbe.as(Client.PUBLIC).rcpt(OUTSIDE).run(legacy);
    LiveReport.check(legacy, claim, saysEveryAddress(Lint.of(legacy.tree())), RelayLiveTest.relayed(r), r.log());

    HarakaServer current = SERVERS.get(SLASH_ZERO, HarakaInstall.haraka3());
    Result c = SmtpProbe.as(Client.PUBLIC).rcpt(OUTSIDE).run(current);
    LiveReport.check(current, claim, saysEveryAddress(Lint.of(current.tree())), RelayLiveTest.relayed(c), c.log());
  }

  @Test
  void slashZeroIsTheSingleHostZeroWithRelay102() {
    String claim = "relay_acl_allow 0.0.0.0/0 lets only the client 0.0.0.0 relay (read as 0.0.0.0/32)";
    for (HarakaInstall install : new HarakaInstall[] {HarakaInstall.haraka3(), HarakaInstall.haraka2()}) {
      HarakaServer s = SERVERS.get(SLASH_ZERO, install);
      Result zero = SmtpProbe.as(Client.of("0.0.0.0")).rcpt(OUTSIDE).run(s);
      Result other = SmtpProbe.as(Client.PUBLIC_OTHER).rcpt(OUTSIDE).run(s);
      Lint lint = Lint.of(s.tree());
      LiveReport.check(s, claim, lint.reports("HL204", f -> f.message().contains("read as 0.0.0.0/32"), "saying 0.0.0.0/32"),
          Verdict.of(zero.relayAccepted() && !other.relayAccepted(),
              RelayLiveTest.relayed(zero).evidence() + "; " + RelayLiveTest.relayed(other).evidence()),
          RelayLiveTest.concat(zero, other));
    }
  }
}
