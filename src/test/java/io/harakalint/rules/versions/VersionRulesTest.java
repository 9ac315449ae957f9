package io.harakalint.rules.versions;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.rules.Finding;
import io.harakalint.rules.RuleTester;
import io.harakalint.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionRulesTest {
  private static final String V316 = "{\"dependencies\": {\"Haraka\": \"3.1.6\"}}";
  private static final String SMTP = "[main]\nlisten=[::0]:25\n";
  private static final String PLUGINS = "rcpt_to.in_host_list\nqueue/smtp_forward\n";

  @Test
  void startTlsInjectionOnlyBefore317() {
    RuleTester.of(new StartTlsInjection()).file("package.json", "{\"dependencies\": {\"Haraka\": \"3.1.7\"}}")
        .file("config/plugins", "tls\n").assertNoFindings();
    RuleTester.of(new StartTlsInjection()).file("package.json", V316).file("config/plugins", "rcpt_to.in_host_list\n")
        .assertNoFindings();
  }

  @Test
  void missingConnectionIniOn334CrashesOnFirstConnection() {
    RuleTester t = RuleTester.of(new MissingConnectionIni()).file("config/smtp.ini", SMTP).file("config/plugins", PLUGINS);
    assertThat(t.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.message()).contains("first connection");
      assertThat(f.span().file()).isEqualTo("config/smtp.ini");
    });
  }

  @Test
  void connectionIniOverrideInSmtpJsonCounts() {
    RuleTester.of(new MissingConnectionIni()).file("config/smtp.json", "{\"!connection.ini\": {\"max\": {\"bytes\": 1}}}")
        .file("config/plugins", PLUGINS).assertNoFindings();
  }

  @Test
  void missingHaproxyHostsStopsOnlyBefore331() {
    String conn = "[haproxy]\n[max]\nbytes=1\n[message]\ngreeting[]=hi\n[uuid]\nbanner_chars=6\n";
    RuleTester old = RuleTester.of(new ConnectionIniIncomplete()).file("package.json", V316).file("config/smtp.ini", SMTP)
        .file("config/plugins", PLUGINS).file("config/connection.ini", conn);
    assertThat(old.findings()).singleElement().satisfies(f -> {
      assertThat(f.span().line()).isEqualTo(1);
      assertThat(f.message()).contains("not iterable");
    });
    RuleTester.of(new ConnectionIniIncomplete()).file("config/smtp.ini", SMTP).file("config/plugins", PLUGINS)
        .file("config/connection.ini", conn).assertNoFindings();
  }

  @Test
  void listenersAreParsedLikeEndpointJs() {
    assertThat(Listeners.port("465")).isEqualTo(465);
    assertThat(Listeners.port("[::0]:465")).isEqualTo(465);
    assertThat(Listeners.port("::0:465")).isEqualTo(465);
    assertThat(Listeners.port("2001:db8::1")).isEqualTo(25);
    assertThat(Listeners.port("192.0.2.1")).isEqualTo(25);
    assertThat(Listeners.port("mx.example.com:587")).isEqualTo(587);
    assertThat(Listeners.port("/run/haraka.sock:770")).isNull();
    // Found by the fix fuzzer: a port past int is an invalid entry, not a crash.
    assertThat(Listeners.port("[::0]:2566666666666666666666")).isNull();
    assertThat(Listeners.port("192.0.2.1:99999999999")).isNull();
  }

  @Test
  void smtpsThroughLegacyPortOrCustomSmtpsPort() {
    RuleTester.of(new SmtpsWithoutKey()).file("config/smtp.ini", "[main]\n; expect: HL605\nport=465\n").assertMarkers();
    RuleTester.of(new SmtpsWithoutKey()).file("config/smtp.ini", "[main]\n; expect: HL605\nlisten=[::0]:25,10465\nsmtps_port=10465\n")
        .assertMarkers();
    RuleTester.of(new SmtpsWithoutKey()).file("config/smtp.ini", "[main]\nlisten=[::0]:25,[::0]:465\nsmtps_port=10465\n")
        .assertNoFindings();
  }

  @Test
  void smtpsWithKeyAndCertInTheTreeIsFine() {
    RuleTester.of(new SmtpsWithoutKey()).file("config/smtp.ini", "[main]\nlisten=[::0]:465\n")
        .file("config/tls_key.pem", "not read\n").file("config/tls_cert.pem", "not read\n").assertNoFindings();
  }

  @Test
  void legacyFileWithReplacementIsALeftover() {
    RuleTester t = RuleTester.of(new LegacySettingFile()).file("package.json", V316).file("config/databytes", "1000\n")
        .file("config/connection.ini", "[max]\nbytes=1000\n");
    assertThat(t.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.LOW);
      assertThat(f.message()).contains("leftover");
    });
  }

  @Test
  void headerHideVersionIsIgnoredFrom304() {
    RuleTester t = RuleTester.of(new LegacySettingFile()).file("package.json", "{\"dependencies\": {\"Haraka\": \"3.0.4\"}}")
        .file("config/header_hide_version", "true\n");
    assertThat(t.findings()).singleElement().extracting(Finding::severity).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void movedSmtpIniKeyAlreadyInConnectionIniIsLow() {
    RuleTester t = RuleTester.of(new MovedSmtpIniSetting()).file("package.json", V316)
        .file("config/smtp.ini", "[main]\nsmtputf8=true\n").file("config/connection.ini", "[main]\nsmtputf8=false\n");
    assertThat(t.findings()).singleElement().extracting(Finding::severity).isEqualTo(Severity.LOW);
  }

  @Test
  void loglevelFileOverridesLogIni() {
    RuleTester.of(new ProtocolLogging()).file("config/log.ini", "[main]\nlevel=protocol\n").file("config/loglevel", "info\n")
        .assertNoFindings();
    RuleTester.of(new ProtocolLogging()).file("config/log.ini", "[main]\nlevel=info\n").file("config/loglevel", "# expect: HL608\nLOGDATA\n")
        .assertMarkers();
  }

  @Test
  void numericLevelAndAuthPluginMakeItHigh() {
    RuleTester t = RuleTester.of(new ProtocolLogging()).file("config/plugins", "tls\nauth/flat_file\n")
        .file("config/log.ini", "[main]\nlevel=8\n");
    List<Finding> f = t.findings();
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.HIGH);
      assertThat(x.message()).contains("AUTH PLAIN/LOGIN credentials");
    });
  }

  @Test
  void listenZeroIsTheDefaultNotACrash() {
    RuleTester.of(new ListenIsNumber()).file("config/smtp.ini", "[main]\nlisten=0\n").assertNoFindings();
  }
}
