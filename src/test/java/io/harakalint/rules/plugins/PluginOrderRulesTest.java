package io.harakalint.rules.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.rules.Finding;
import io.harakalint.rules.RuleTester;
import io.harakalint.rules.Severity;
import org.junit.jupiter.api.Test;

class PluginOrderRulesTest {
  @Test
  void limitBeforeTlsWithShippedMaxIsLow() {
    RuleTester t = RuleTester.of(new LimitBeforeTlsOrAuth()).file("config/plugins", "limit\ntls\nauth/flat_file\n")
        .file("config/limit.ini", "[unrecognized_commands]\nenabled=true\n");
    assertThat(t.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.LOW);
      assertThat(f.message()).contains("reaches 4 of max=10");
    });
  }

  @Test
  void limitWithoutUnrecognizedCommandsIsFine() {
    RuleTester.of(new LimitBeforeTlsOrAuth()).file("config/plugins", "limit\ntls\n")
        .file("config/limit.ini", "[unrecognized_commands]\nenabled=false\nmax=1\n").assertNoFindings();
    RuleTester.of(new LimitBeforeTlsOrAuth()).file("config/plugins", "limit\ntls\n")
        .file("config/limit.ini", "[unrecognized_commands]\nmax=1\n").assertNoFindings();
  }

  @Test
  void oldAliasOfLimitIsCheckedToo() {
    RuleTester.of(new LimitBeforeTlsOrAuth()).file("config/plugins", "# expect: HL409\nmax_unrecognized_commands\ntls\n")
        .file("config/limit.ini", "[unrecognized_commands]\nenabled=true\nmax=1\n").assertMarkers();
  }

  @Test
  void deniedDomainInHostListIsMedium() {
    RuleTester t = RuleTester.of(new RelayAfterAcceptingPlugin()).file("config/plugins", "rcpt_to.in_host_list\nrelay\n")
        .file("config/host_list", "example.com\nold-brand.example\n").file("config/relay.ini", "[relay]\ndest_domains=true\n")
        .file("config/relay_dest_domains.ini", "[domains]\nold-brand.example = { \"action\": \"deny\" }\n");
    assertThat(t.findings()).singleElement().extracting(Finding::severity).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void withoutDenyEntriesTheOrderDoesNotMatter() {
    RuleTester.of(new RelayAfterAcceptingPlugin()).file("config/plugins", "rcpt_to.in_host_list\nrelay\n")
        .file("config/relay.ini", "[relay]\ndest_domains=true\n")
        .file("config/relay_dest_domains.ini", "[domains]\nexample.com = { \"action\": \"continue\" }\n").assertNoFindings();
  }
}
