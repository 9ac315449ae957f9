package io.harakalint.rules.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.rules.Finding;
import io.harakalint.rules.RuleTester;
import org.junit.jupiter.api.Test;

class XclientRulesTest {
  @Test
  void flagsEntriesThatCannotEqualRemoteIp() {
    RuleTester.of(new XclientHostNeverMatches()).file("config/plugins", "xclient\n").file("config/xclient.hosts", """
        192.0.2.5
        2001:db8::25
        # expect: HL212
        ::ffff:192.0.2.6
        # expect: HL212
        2001:0db8::25
        # expect: HL212
        proxy.example.com
        # expect: HL212
        192.0.2.7 # proxy
        # expect: HL212
        192.0.2.010
        """).assertMarkers();
  }

  @Test
  void ignoresFileWhenPluginNotListed() {
    RuleTester.of(new XclientHostNeverMatches()).file("config/plugins", "rcpt_to.in_host_list\n")
        .file("config/xclient.hosts", "192.0.2.0/24\n").assertNoFindings();
  }

  @Test
  void namesTrustedPeersAndOldDestportBehaviour() {
    RuleTester t = RuleTester.of(new XclientTrustsPeers()).file("package.json", "{\"dependencies\": {\"Haraka\": \"3.1.6\"}}")
        .file("config/plugins", "xclient\n").file("config/xclient.hosts", "127.0.0.1\n192.0.2.5\n192.0.2.0/24\n");
    assertThat(t.findings()).singleElement().extracting(Finding::message).asString()
        .contains("127.0.0.1 and ::1 (always) and 192.0.2.5").doesNotContain("192.0.2.0/24").contains("before 3.1.7");
    RuleTester now = RuleTester.of(new XclientTrustsPeers()).file("config/plugins", "xclient\n");
    assertThat(now.findings()).singleElement().extracting(Finding::message).asString().doesNotContain("before 3.1.7");
  }
}
