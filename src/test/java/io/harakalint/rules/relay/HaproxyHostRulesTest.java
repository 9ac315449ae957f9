package io.harakalint.rules.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.model.HaproxyHost;
import io.harakalint.rules.Finding;
import io.harakalint.rules.RuleTester;
import io.harakalint.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class HaproxyHostRulesTest {
  private static final String V2 = "{\"dependencies\": {\"Haraka\": \"2.8.28\"}}";
  private static final String V316 = "{\"dependencies\": {\"Haraka\": \"3.1.6\"}}";

  private static RuleTester all() {
    return RuleTester.of(new HaproxyHostTooBroad(), new HaproxyHostBareIpv6(), new HaproxyHostBadMask(),
        new HaproxyHostsScalar(), new HaproxyHostUnparseable());
  }

  @Test
  void flagsLegacyHaproxyHostsFileBeforeHaraka31() {
    all().file("package.json", V2).file("config/haproxy_hosts", """
        192.0.2.4
        # expect: HL208
        2001:db8:5::10
        # expect: HL209
        192.0.2.0/abc
        # expect: HL211
        [2001:db8::1]
        # expect: HL207
        10.0.0.0/8
        """).assertMarkers();
  }

  @Test
  void ignoresLegacyFileFromHaraka31() {
    all().file("package.json", V316).file("config/haproxy_hosts", "10.0.0.0/8\n").assertNoFindings();
  }

  @Test
  void ignoresConnectionIniBeforeHaraka31() {
    all().file("package.json", V2).file("config/connection.ini", "[haproxy]\nhosts=10.0.0.1\nhosts[]=0.0.0.0/0\n")
        .assertNoFindings();
  }

  @Test
  void scalarExitsAtStartupOn316AndOnFirstConnectionOn334() {
    RuleTester old = RuleTester.of(new HaproxyHostsScalar()).file("package.json", V316)
        .file("config/connection.ini", "[haproxy]\nhosts=192.0.2.10\n");
    assertThat(old.findings()).singleElement().extracting(Finding::message).asString().contains("exits at start-up");
    RuleTester now = RuleTester.of(new HaproxyHostsScalar()).file("config/connection.ini", "[haproxy]\nhosts=192.0.2.10\n");
    assertThat(now.findings()).singleElement().extracting(Finding::message).asString().contains("first connection");
  }

  @Test
  void ignoresEmptyScalarAndEmptyArrayEntry() {
    all().file("config/connection.ini", "[haproxy]\nhosts=\n").assertNoFindings();
    all().file("config/connection.ini", "[haproxy]\nhosts[] =\nhosts[]\n").assertNoFindings();
  }

  @Test
  void flagsNumberEntryAsUnparseable() {
    all().file("config/connection.ini", "[haproxy]\n; expect: HL211\nhosts[]=10\n").assertMarkers();
  }

  @Test
  void slashZeroIsCriticalTooBroadNotBadMask() {
    List<Finding> f = all().file("config/connection.ini", "[haproxy]\nhosts[]=0.0.0.0/0\n").findings();
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.ruleId()).isEqualTo("HL207");
      assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
    });
  }

  @Test
  void maskWithTrailingCommentIsReadAsNumber() {
    // parseInt('8 ; lb') is 8: a /8, too broad, not NaN.
    assertThat(HaproxyHost.effectOf("10.0.0.0/8 ; lb")).isInstanceOf(HaproxyHost.Effect.Block.class);
    assertThat(HaproxyHost.effectOf("10.0.0.1 ; lb")).isInstanceOf(HaproxyHost.Effect.Throws.class);
    assertThat(HaproxyHost.effectOf("010.0.0.1")).isInstanceOf(HaproxyHost.Effect.Unusual.class);
    assertThat(HaproxyHost.effectOf("2001:db8::1/-1")).isInstanceOf(HaproxyHost.Effect.Everything.class);
  }

  @Test
  void ignoresHostsWithinThresholds() {
    all().file("config/connection.ini", "[haproxy]\nhosts[]=192.0.2.0/24\nhosts[]=2001:db8::/48\nhosts[]=192.0.2.10\n")
        .assertNoFindings();
  }
}
