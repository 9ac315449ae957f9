package io.harakalint.rules.ini;

import io.harakalint.rules.RuleTester;
import org.junit.jupiter.api.Test;

class OffWordReadAsOnTest {
  @Test
  void zeroWithCommentIsOnButZeroIsOff() {
    RuleTester.of(new OffWordReadAsOn()).file("config/plugins", "limit\n")
        .file("config/limit.ini", "[concurrency]\n; expect: HL108\nenabled=0 ; off\n").assertMarkers();
    RuleTester.of(new OffWordReadAsOn()).file("config/plugins", "limit\n")
        .file("config/limit.ini", "[concurrency]\nenabled=0\n").assertNoFindings();
  }

  @Test
  void ignoredWhenThePluginIsNotListed() {
    RuleTester.of(new OffWordReadAsOn()).file("config/plugins", "tls\n")
        .file("config/limit.ini", "[concurrency]\nenabled=false\n").file("config/host_list.anti_spoof", "false\n")
        .assertNoFindings();
  }

  @Test
  void flagsAntiSpoofAndClamdSingular() {
    RuleTester.of(new OffWordReadAsOn()).file("config/plugins", "rcpt_to.in_host_list\nclamd\n")
        .file("config/host_list.anti_spoof", "# expect: HL108\nno\n")
        .file("config/clamd.ini", "[main]\n; expect: HL108\nonly_with_attachment=off\n").assertMarkers();
  }

  @Test
  void declaredBooleansAreNotThisRulesBusiness() {
    RuleTester.of(new OffWordReadAsOn()).file("config/plugins", "limit\n")
        .file("config/limit.ini", "[recipients]\nenabled=false\n[concurrency]\nenabled=true\n").assertNoFindings();
  }
}
