package io.harakalint.rules.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.rules.Finding;
import io.harakalint.rules.RuleTester;
import io.harakalint.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRulesTest {
  @Test
  void jsNumberTextMatchesJavaScript() {
    // Expected values from node: String(Number(x)).
    assertThat(JsNumberText.of(123)).isEqualTo("123");
    assertThat(JsNumberText.of(1.5)).isEqualTo("1.5");
    assertThat(JsNumberText.of(1.0)).isEqualTo("1");
    assertThat(JsNumberText.of(-0.0)).isEqualTo("0");
    assertThat(JsNumberText.of(Double.parseDouble("12345678901234567890"))).isEqualTo("12345678901234567000");
    assertThat(JsNumberText.of(Math.pow(2, 60))).isEqualTo("1152921504606847000");
    assertThat(JsNumberText.of(1e21)).isEqualTo("1e+21");
    assertThat(JsNumberText.of(0.000001)).isEqualTo("0.000001");
    assertThat(JsNumberText.of(1e-7)).isEqualTo("1e-7");
    assertThat(JsNumberText.of(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(JsNumberText.of(9007199254740993.0)).isEqualTo("9007199254740992");
  }

  @Test
  void numericPasswordsThatReadBackUnchangedAreNotReported() {
    RuleTester.of(new NumericPassword()).file("config/auth_flat_file.ini", "[users]\na=1234\nb=12.5\nc=-7\nd=abc0123\n")
        .assertNoFindings();
  }

  @Test
  void zeroPasswordMeansTheUserCannotLogIn() {
    RuleTester t = RuleTester.of(new NumericPassword()).file("config/plugins", "auth/flat_file\n")
        .file("config/auth_flat_file.ini", "[users]\nkiosk=0\n");
    assertThat(t.findings()).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("cannot log in").contains("'kiosk'");
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
    });
  }

  @Test
  void messagesNeverContainThePassword() {
    RuleTester t = RuleTester.of(new NumericPassword()).file("config/auth_flat_file.ini",
        "[users]\nalice=0123987\nbob=98765.4320\ncarol=123456789012345678901\n");
    List<Finding> f = t.findings();
    assertThat(f).hasSize(3).allSatisfy(x -> {
      assertThat(x.severity()).isEqualTo(Severity.LOW); // auth/flat_file is not listed
      assertThat(x.message()).doesNotContain("0123987", "123987", "98765", "12345678901234567", "e+");
    });
  }

  @Test
  void forwardCredentialsToLoopbackAreLow() {
    RuleTester t = RuleTester.of(new BackendCredentialsWithoutTls()).file("config/plugins", "queue/smtp_forward\n")
        .file("config/smtp_forward.ini", "[main]\nhost=127.0.0.1\nauth_type=plain\nauth_user=u\nauth_pass=example-pw\n");
    assertThat(t.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.LOW);
      assertThat(f.message()).doesNotContain("example-pw");
    });
  }

  @Test
  void forwardCredentialsWithoutAuthTypeAreNeverSent() {
    RuleTester.of(new BackendCredentialsWithoutTls()).file("config/plugins", "queue/smtp_forward\n")
        .file("config/smtp_forward.ini", "[main]\nhost=mail.example.com\nauth_user=u\nauth_pass=p\n").assertNoFindings();
  }

  @Test
  void proxySupportsOnlyPlainAndReadsOnlyMain() {
    RuleTester.of(new BackendCredentialsWithoutTls()).file("config/plugins", "queue/smtp_proxy\n")
        .file("config/smtp_proxy.ini", "[main]\nhost=mail.example.com\nauth_type=login\nauth_user=u\nauth_pass=p\n"
            + "[example.com]\nauth_type=plain\nauth_user=u\nauth_pass=p\n").assertNoFindings();
    RuleTester.of(new BackendCredentialsWithoutTls()).file("config/plugins", "queue/smtp_proxy\n")
        .file("config/smtp_proxy.ini", "[main]\nhost=mail.example.com\nauth_type=PLAIN\nauth_user=u\n; expect: HL504\nauth_pass=p\n")
        .assertMarkers();
  }

  @Test
  void ldapPlainIsHighAndLoopbackIsIgnored() {
    String pkg = "{\"dependencies\": {\"Haraka\": \"3.3.4\", \"haraka-plugin-auth-ldap\": \"1.1.0\"}}";
    RuleTester plain = RuleTester.of(new LdapAuthUnverified()).file("package.json", pkg).file("config/plugins", "auth-ldap\n")
        .file("config/auth_ldap.ini", "[core]\nserver=ldap://ldap.example.com\nrejectUnauthorized=true\n");
    assertThat(plain.findings()).singleElement().extracting(Finding::severity).isEqualTo(Severity.HIGH);
    RuleTester.of(new LdapAuthUnverified()).file("package.json", pkg).file("config/plugins", "auth-ldap\n")
        .file("config/auth_ldap.ini", "[core]\nserver=ldap://127.0.0.1\n").assertNoFindings();
    RuleTester.of(new LdapAuthUnverified()).file("package.json", pkg).file("config/plugins", "auth-ldap\n")
        .assertNoFindings(); // code default ldap://127.0.0.1
  }

  @Test
  void ldapExplicitFalseIsReportedOnItsLine() {
    RuleTester.of(new LdapAuthUnverified()).file("config/plugins", "auth/auth_ldap\n")
        .file("config/auth_ldap.ini", "[core]\nserver=ldaps://ldap.example.com\n; expect: HL505\nrejectUnauthorized=false\n")
        .assertMarkers();
  }

  @Test
  void ldapUrlUserInformationIsNeverPrinted() {
    RuleTester t = RuleTester.of(new LdapAuthUnverified()).file("config/plugins", "auth-ldap\n")
        .file("config/auth_ldap.ini", "[core]\nserver=ldap://binduser:example-secret@ldap.example.com:389\n");
    assertThat(t.findings()).singleElement().extracting(Finding::message).asString()
        .contains("ldap://ldap.example.com:389").doesNotContain("example-secret").doesNotContain("binduser");
  }

  @Test
  void ldapFileIgnoredWhenPluginNotListed() {
    RuleTester.of(new LdapAuthUnverified()).file("config/plugins", "tls\n")
        .file("config/auth_ldap.ini", "[core]\nserver=ldap://ldap.example.com\n").assertNoFindings();
  }
}
