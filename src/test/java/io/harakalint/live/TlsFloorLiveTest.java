package io.harakalint.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.live.LiveReport.Verdict;
import io.harakalint.live.SmtpProbe.Client;
import io.harakalint.live.SmtpProbe.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * TLS floors on Haraka 3.3.4 (Node and its OpenSSL as installed here): a TLS 1.0-only client played
 * by {@code openssl s_client -tls1} against the defaults, {@code minVersion=TLSv1} alone, and
 * {@code minVersion=TLSv1} with {@code ciphers=DEFAULT:@SECLEVEL=0}. The servers take no PROXY
 * (s_client cannot send it), so every client is 127.0.0.1.
 */
@ExtendWith(LiveReport.Extension.class)
class TlsFloorLiveTest {
  private static final LiveServers SERVERS = new LiveServers();
  static final String CLAIM = "a TLSv1.0-only client completes STARTTLS";
  static final String SECLEVEL0 = "the server runs TLS at OpenSSL security level 0 (a TLS 1.0 handshake with SHA-1 signatures succeeds)";
  static final String UNSUPPORTED = "tls_early_post_process_client_hello:unsupported protocol";
  static final String NO_SIGALG = "tls_choose_sigalg:no suitable signature algorithm";

  @AfterAll
  static void stopServers() {
    SERVERS.close();
  }

  private static HarakaServer server(String scenario) {
    return SERVERS.get(ScenarioTree.resource(scenario).withoutProxy(), HarakaInstall.haraka3());
  }

  /** haraka-lint's view: a floor below TLS 1.2 (HL304) is what lets such a client in. */
  private static Verdict floorBelowTls12(Lint lint) {
    return lint.reports("HL304", f -> f.anchor().equals("min-version:main"), "for [main]");
  }

  private static Verdict securityLevelZero(Lint lint) {
    return lint.reports("HL305", f -> f.message().contains("@SECLEVEL=0"), "naming @SECLEVEL=0");
  }

  private static Verdict handshake(LegacyTlsProbe p) {
    return Verdict.of(p.established(), p.client() + ": " + p.summary());
  }

  @Test
  void defaultsRefuseTls10WithUnsupportedProtocol() {
    HarakaServer s = server("tls-default");
    LegacyTlsProbe p = LegacyTlsProbe.tls1(s);
    LiveReport.check(s, CLAIM, floorBelowTls12(Lint.of(s.tree())), handshake(p), p.serverLog());
    assertThat(p.serverLogged(UNSUPPORTED)).as("server log names %s:%n%s", UNSUPPORTED, String.join("\n", p.serverLog()))
        .isTrue();

    LiveReport.check(s, SECLEVEL0, securityLevelZero(Lint.of(s.tree())), handshake(p), p.serverLog());

    Result modern = SmtpProbe.as(Client.DIRECT).startTls().run(s);
    Lint lint = Lint.of(s.tree());
    LiveReport.check(s, "a current client (Java 17) completes STARTTLS with TLS 1.2 or newer",
        Verdict.of(!lint.reportsAny("HL301", "HL306").holds(), lint.reportsAny("HL301", "HL306").evidence()),
        Verdict.of(modern.tlsEstablished() && modern.tlsProtocol().compareTo("TLSv1.2") >= 0,
            modern.tlsEstablished() ? modern.tlsProtocol() + " " + modern.tlsSuite() : "no TLS: " + modern.capabilities()),
        modern.log());
  }

  @Test
  void minVersionTls1AloneStillRefusesTls10() {
    HarakaServer s = server("tls-min-v1");
    LegacyTlsProbe p = LegacyTlsProbe.tls1(s);
    LiveReport.check(s, CLAIM, floorBelowTls12(Lint.of(s.tree())), handshake(p), p.serverLog());
    assertThat(p.serverLogged(NO_SIGALG)).as("server log names %s:%n%s", NO_SIGALG, String.join("\n", p.serverLog()))
        .isTrue();
  }

  @Test
  void securityLevelZeroLetsTls10In() {
    HarakaServer s = server("tls-seclevel0");
    Lint lint = Lint.of(s.tree());
    LegacyTlsProbe p = LegacyTlsProbe.tls1(s);
    LiveReport.check(s, CLAIM, floorBelowTls12(lint), handshake(p), p.serverLog());
    LiveReport.check(s, SECLEVEL0, securityLevelZero(lint), handshake(p), p.serverLog());
    assertThat(p.protocol()).isEqualTo("TLSv1");
  }
}
