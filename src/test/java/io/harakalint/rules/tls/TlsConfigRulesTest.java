package io.harakalint.rules.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.model.TestPki;
import io.harakalint.rules.Finding;
import io.harakalint.rules.LintOptions;
import io.harakalint.rules.Linter;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleTester;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HL307-HL313 cases their pages do not show. */
class TlsConfigRulesTest {
  private static final String PKG_316 = "{\"dependencies\": {\"Haraka\": \"3.1.6\"}}";
  private static final String PKG_317 = "{\"dependencies\": {\"Haraka\": \"3.1.7\"}}";

  private static List<String> lint(Rule rule, RuleTester t) {
    List<Finding> f = new Linter(List.of(rule), LintOptions.DEFAULTS).lint(t.tree());
    return f.stream().map(x -> x.span().file() + ":" + x.span().line() + " " + x.severity().label()).toList();
  }

  @Test
  void flagsRequireAuthorizedOnPort25() {
    RuleTester.of(new TlsRejectUnauthorized()).file("config/tls.ini", """
        [main]
        requireAuthorized[]=587
        ; expect: HL307
        requireAuthorized[]=25
        """).assertMarkers();
  }

  @Test
  void flagsOnlyOutboundEffectWhenRequestCertIsOff() {
    RuleTester t = RuleTester.of(new TlsRejectUnauthorized()).file("config/tls.ini", "[main]\nrequestCert=false\nrejectUnauthorized=true\n");
    assertThat(lint(new TlsRejectUnauthorized(), t)).containsExactly("config/tls.ini:3 medium");
    RuleTester.of(new TlsRejectUnauthorized())
        .file("config/tls.ini", "[main]\nrequestCert=false\nrejectUnauthorized=true\n[outbound]\nrejectUnauthorized=false\n")
        .assertNoFindings();
  }

  @Test
  void ignoresRejectUnauthorizedFalseAndInlineComment() {
    // "true ; x" is not a true boolean for haraka-config: it is false.
    RuleTester.of(new TlsRejectUnauthorized()).file("config/tls.ini", "[main]\nrejectUnauthorized=true ; x\n").assertNoFindings();
    RuleTester.of(new TlsRejectUnauthorized()).file("config/tls.ini", "[main]\nrejectUnauthorized=false\n").assertNoFindings();
  }

  @Test
  void emptyInboundSectionIsLow() {
    RuleTester t = RuleTester.of(new TlsInboundSectionIgnored()).file("config/tls.ini", "[main]\n[inbound]\n");
    assertThat(lint(new TlsInboundSectionIgnored(), t)).containsExactly("config/tls.ini:2 low");
  }

  @Test
  void secureProtocolConflictIsHighWhileTheKeyIsMissing() {
    RuleTester t = RuleTester.of(new TlsSecureProtocolConflict())
        .file("config/tls.ini", "[main]\nsecureProtocol=TLSv1_2_method\n[*]\nminVersion=TLSv1.2\n");
    assertThat(lint(new TlsSecureProtocolConflict(), t)).containsExactly("config/tls.ini:2 high");
  }

  @Test
  void noGoSaysWhetherInboundIsAffected() {
    RuleTester t = RuleTester.of(new TlsNoGoDowngrade()).file("config/plugins", "redis\ntls\n")
        .file("config/tls.ini", "[redis]\ndisable_for_failed_hosts=yes\ndisable_inbound_expiry=600\n");
    List<Finding> f = new Linter(List.of(new TlsNoGoDowngrade()), LintOptions.DEFAULTS).lint(t.tree());
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("600 s", "604800 s"));
  }

  @Test
  void dhparamUnder1024IsCriticalAndX942IsLow() throws IOException {
    try (TestPki pki = TestPki.require()) {
      RuleTester small = RuleTester.of(new TlsDhparamWeak())
          .file("config/tls.ini", "[main]\nkey=/etc/k.pem\ncert=/etc/c.pem\n").file("config/dhparams.pem", pki.dhparams(512, false));
      assertThat(lint(new TlsDhparamWeak(), small)).containsExactly("config/dhparams.pem:1 critical");
      RuleTester x942 = RuleTester.of(new TlsDhparamWeak())
          .file("config/tls.ini", "[main]\nkey=/etc/k.pem\ncert=/etc/c.pem\ndhparam=tls-dh.pem\n")
          .file("config/tls-dh.pem", pki.dhparams(2048, true));
      assertThat(lint(new TlsDhparamWeak(), x942)).containsExactly("config/tls-dh.pem:1 low");
    }
  }

  @Test
  void missingDhparamIsInfoOnlyWhenTlsWillBeBuilt() {
    RuleTester used = RuleTester.of(new TlsDhparamWeak()).file("config/plugins", "tls\n")
        .file("config/tls.ini", "[main]\nkey=/etc/k.pem\ncert=/etc/c.pem\n");
    assertThat(lint(new TlsDhparamWeak(), used)).containsExactly("config/tls.ini:1 info");
    RuleTester.of(new TlsDhparamWeak()).file("config/plugins", "tls\n").file("config/tls.ini", "[main]\n").assertNoFindings();
    RuleTester.of(new TlsDhparamWeak()).file("config/plugins", "tls\n")
        .file("config/tls.ini", "[main]\nkey=/etc/k.pem\ncert=/etc/c.pem\ndhparam=/etc/dh.pem\n").assertNoFindings();
  }

  @Test
  void placeholderDhparamIsNotJudged() {
    RuleTester.of(new TlsDhparamWeak()).file("config/plugins", "tls\n")
        .file("config/dhparams.pem", "-----BEGIN DH PARAMETERS-----\nFAKE\n-----END DH PARAMETERS-----\n").assertNoFindings();
  }

  @Test
  void inheritedScalarForceTlsHostsIsIgnoredBefore317() {
    RuleTester.of(new TlsListWrittenAsScalar()).file("package.json", PKG_316).file("config/tls.ini", """
        [main]
        ; expect: HL313
        force_tls_hosts=mx.partner.example
        """).assertMarkers();
  }

  @Test
  void singleOutboundHostWorksFrom317ButACommaListDoesNot() {
    RuleTester.of(new TlsListWrittenAsScalar()).file("package.json", PKG_317)
        .file("config/tls.ini", "[outbound]\nforce_tls_hosts=mx.partner.example\nno_tls_hosts=192.0.2.25\n").assertNoFindings();
    RuleTester t = RuleTester.of(new TlsListWrittenAsScalar()).file("package.json", PKG_317)
        .file("config/tls.ini", "[outbound]\nforce_tls_hosts=a.example, b.example\n");
    assertThat(lint(new TlsListWrittenAsScalar(), t)).containsExactly("config/tls.ini:2 high");
  }

  @Test
  void scalarNoStarttlsPortsIsIgnoredIn334() {
    RuleTester t = RuleTester.of(new TlsListWrittenAsScalar()).file("config/tls.ini", "[main]\nno_starttls_ports=2525\n");
    assertThat(lint(new TlsListWrittenAsScalar(), t)).containsExactly("config/tls.ini:2 medium");
  }
}
