package io.harakalint.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The predictor against the outcomes tls-clients.md §4.5 observed by replaying the recorded ClientHellos on
 * Node 18.20.8/20.20.2/22.19.0/24.4.1 (group A), 22.23.5 (B) and 24.22.3 (C).
 */
class HandshakePredictorTest {
  static final String OLD_57 = "@SECLEVEL=0:" + OpensslCipherStringTest.MOZ_OLD_57;

  /** The eight configurations (columns) of §4.5. */
  static final List<ServerTlsConfig> CONFIGS = List.of(
      ServerTlsConfig.harakaDefaults(),
      cfg("TLSv1", null, true, 2048),
      cfg("TLSv1", NodeRuntime.DEFAULT_CIPHERS + ":@SECLEVEL=0", true, 2048),
      cfg("TLSv1", NodeRuntime.DEFAULT_CIPHERS + ":@SECLEVEL=0", true, 1024),
      cfg("TLSv1", NodeRuntime.DEFAULT_CIPHERS + ":@SECLEVEL=0", false, 2048),
      cfg(null, OpensslCipherStringTest.MOZ_INTERMEDIATE_57, true, 2048),
      cfg(null, OpensslCipherStringTest.MOZ_INTERMEDIATE_60, true, 2048),
      cfg("TLSv1", OLD_57, true, 2048));

  static ServerTlsConfig cfg(String min, String ciphers, boolean honor, int dh) {
    return new ServerTlsConfig(Optional.ofNullable(min), Optional.ofNullable(ciphers), Optional.empty(), honor, dh);
  }

  /** Rows of §4.5 by our profile id. UP unsupported protocol; SIG A: no suitable sigalg, B/C: UP; NSC no shared cipher. */
  static final Map<String, String> TABLE = new LinkedHashMap<>();

  static {
    String e12 = "1.2E 1.2E 1.2E 1.2E 1.2E 1.2E 1.2E 1.2E";
    String t13 = "1.3 1.3 1.3 1.3 1.3 1.3 1.3 1.3";
    TABLE.put("java-6u45", "UP SIG ABORT 1.0D 1.0R UP UP 1.0R");
    TABLE.put("java-7u25", "UP SIG 1.0E 1.0E 1.0E UP UP 1.0E");
    TABLE.put("java-8u31", e12);
    TABLE.put("java-8u161", e12);
    TABLE.put("java-8u442", t13);
    TABLE.put("java-11", t13);
    TABLE.put("java-17", t13);
    TABLE.put("java-21", t13);
    TABLE.put("openssl-0.9.8", "UP SIG 1.0D 1.0D 1.0D UP UP 1.0R");
    TABLE.put("openssl-1.0.1", e12);
    TABLE.put("openssl-1.0.2", e12);
    TABLE.put("openssl-1.1.1", t13);
    TABLE.put("openssl-3.5", t13);
    TABLE.put("windows-xp", "UP NSC/UP NSC NSC NSC UP UP NSC");
    TABLE.put("outlook-2010-win7", "UP SIG 1.0E 1.0E 1.0E UP UP 1.0E");
    TABLE.put("ie11-win7", "1.2D 1.2D 1.2D 1.2D 1.2E 1.2D NSC 1.2D");
    TABLE.put("outlook-2016-win10", e12);
    TABLE.put("thunderbird-68", t13);
    TABLE.put("thunderbird", t13);
    TABLE.put("apple-mail", e12);
    TABLE.put("ios-5-mail", "1.2E 1.2E 1.2E 1.2E 1.2E NSC NSC 1.2E");
    TABLE.put("ios-9-mail", e12);
    TABLE.put("android-2.3", "UP SIG 1.0D 1.0D 1.0R UP UP 1.0R");
    TABLE.put("android-4.0", "UP SIG 1.0E 1.0E 1.0E UP UP 1.0E");
    TABLE.put("android-4.4", e12);
  }

  static String token(Prediction p) {
    if (p.ok()) {
      String v = p.protocol().replace("TLSv1.", "1.").replace("TLSv1", "1.0");
      if (v.equals("1.3")) return "1.3";
      CipherSuite c = CipherTable.get().byName(p.cipher()).orElseThrow();
      return v + (c.ecdhe() ? "E" : c.dhe() ? "D" : "R");
    }
    if (p.serverError() == null) return "ABORT";
    if (p.serverError().equals(HandshakePredictor.UNSUPPORTED_PROTOCOL)) return "UP";
    if (p.serverError().equals(HandshakePredictor.NO_SUITABLE_SIGALG)) return "SIG";
    if (p.serverError().equals(HandshakePredictor.NO_SHARED_CIPHER)) return "NSC";
    return p.serverError();
  }

  static String expected(String cell, boolean openssl30) {
    if (cell.equals("SIG")) return openssl30 ? "SIG" : "UP";
    if (cell.equals("NSC/UP")) return openssl30 ? "NSC" : "UP";
    return cell;
  }

  @Test
  void agreesWithTheReplayedOutcomesOnEveryNodeLine() {
    List<String> problems = new ArrayList<>();
    int cases = 0;
    for (String nodeVersion : List.of("18", "20", "22.19", "22.20", "24.4", "24.5")) {
      NodeRuntime node = NodeRuntime.parse(nodeVersion).orElseThrow();
      for (int col = 0; col < CONFIGS.size(); col++) {
        HandshakePredictor predictor = new HandshakePredictor(node, CONFIGS.get(col));
        assertThat(predictor.startupError()).as("column " + col).isNull();
        for (Map.Entry<String, String> row : TABLE.entrySet()) {
          ClientProfile client = ClientProfiles.get().byId(row.getKey()).orElseThrow();
          String want = expected(row.getValue().split(" ")[col], node.openssl30());
          String got = token(predictor.predict(client));
          cases++;
          if (!want.equals(got)) problems.add("node " + nodeVersion + " column " + col + " " + row.getKey() + ": expected "
              + want + ", predicted " + got + " (" + predictor.predict(client).reason() + ")");
        }
      }
    }
    System.out.printf("handshake predictions vs tls-clients.md 4.5: %d/%d agree%n", cases - problems.size(), cases);
    assertThat(problems).isEmpty();
  }

  @Test
  void javamailOnJava8AgainstHarakaDefaultsLogsTheSeedError() {
    Prediction p = new HandshakePredictor(NodeRuntime.parse("20").orElseThrow(), ServerTlsConfig.harakaDefaults())
        .predict(ClientProfiles.get().byId("javamail-1.4-java8").orElseThrow());
    assertThat(p.ok()).isFalse();
    assertThat(p.serverError()).isEqualTo("SSL routines:tls_early_post_process_client_hello:unsupported protocol");
  }

  @Test
  void startupFailures() {
    NodeRuntime n20 = NodeRuntime.parse("20").orElseThrow();
    assertThat(new HandshakePredictor(n20, cfg("TLSv1 ; for java8", null, true, 2048)).startupError())
        .startsWith("ERR_TLS_INVALID_PROTOCOL_VERSION");
    assertThat(new HandshakePredictor(n20, cfg(null, "DES-CBC3-SHA:RC4-SHA", true, 2048)).startupError())
        .startsWith("ERR_SSL_NO_CIPHER_MATCH");
    assertThat(new HandshakePredictor(n20, new ServerTlsConfig(Optional.of("TLSv1"), Optional.empty(),
        Optional.of("TLSv1_method"), true, 2048)).startupError()).startsWith("ERR_TLS_PROTOCOL_VERSION_CONFLICT");
    assertThat(new HandshakePredictor(n20, cfg(null, null, true, 512)).startupError())
        .startsWith("ERR_INVALID_ARG_VALUE: DH parameter is less than 1024 bits");
  }

  @Test
  void dhparam1024StopsHarakaOnlyOnNode24_5AndLaterUnlessSeclevelIsAtMostOne() {
    ServerTlsConfig dh1024 = cfg(null, null, true, 1024);
    assertThat(new HandshakePredictor(NodeRuntime.parse("24.5").orElseThrow(), dh1024).startupError())
        .startsWith("ERR_CRYPTO_OPERATION_FAILED: Error setting temp DH parameter");
    assertThat(new HandshakePredictor(NodeRuntime.parse("24.4").orElseThrow(), dh1024).startupError()).isNull();
    assertThat(new HandshakePredictor(NodeRuntime.parse("22").orElseThrow(), dh1024).startupError()).isNull();
    assertThat(new HandshakePredictor(NodeRuntime.parse("24").orElseThrow(),
        cfg(null, "DEFAULT:@SECLEVEL=1", true, 1024)).startupError()).isNull();
  }
}
