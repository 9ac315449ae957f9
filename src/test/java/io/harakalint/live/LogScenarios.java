package io.harakalint.live;

import io.harakalint.live.SmtpProbe.AuthMethod;
import io.harakalint.live.SmtpProbe.Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sessions behind {@code haraka-lint logs}, played against real Haraka on 127.0.0.1: clients
 * appear as public addresses through PROXY v1 (openssl through a {@link ProxyV1Forwarder}). One
 * run gives the server's whole log, which {@code LogsLiveTest} feeds to the parser and which the
 * fixtures in {@code src/test/resources/logs/} were cut from (see NOTES.md there).
 *
 * <p>Who does what (the expectations of the tests):
 * <ul>
 *   <li>198.18.0.10: in relay_acl_allow; relays three times (MAIL, RCPT outside, DATA), no AUTH;</li>
 *   <li>198.18.0.12: in relay_acl_allow but never connects (an unused exception);</li>
 *   <li>198.18.0.30: TLS 1.0 only (s_client -tls1), three times: unsupported protocol;</li>
 *   <li>198.18.0.31: TLS 1.2 offering only CAMELLIA128-SHA: no shared cipher;</li>
 *   <li>198.18.0.32: verifies the server certificate and gives up on it (s_client -verify_return_error):
 *       the client aborts the handshake;</li>
 *   <li>198.18.0.11: tries to relay to an outside domain three times, refused;</li>
 *   <li>198.18.0.20: AUTH PLAIN over TLS with a wrong password, five sessions;</li>
 *   <li>10.1.2.3 (private): AUTH PLAIN in clear text, succeeds, then relays;</li>
 *   <li>198.18.0.40: a current client: STARTTLS (TLS 1.2+), no relay;</li>
 *   <li>on the floor-TLSv1 server only, 198.18.0.33: TLS 1.0 only, three times: no suitable signature algorithm.</li>
 * </ul>
 */
final class LogScenarios {
  static final String ACL_CLIENT = "198.18.0.10";
  static final String UNUSED_ACL = "198.18.0.12";
  static final String TLS10 = "198.18.0.30";
  static final String NO_SHARED_CIPHER = "198.18.0.31";
  static final String ABORTS = "198.18.0.32";
  static final String NO_SIGALG = "198.18.0.33";
  static final String PROBER = "198.18.0.11";
  static final String BRUTE = "198.18.0.20";
  static final String PRIVATE = "10.1.2.3";
  static final String MODERN = "198.18.0.40";
  static final String WRONG_PASSWORD = "not-the-password";
  /** The password the private client sends in clear text; no output of haraka-lint may contain it. */
  static final String PASSWORD = AuthLiveTest.PASSWORD;

  private LogScenarios() {}

  /** Where the tree is: the one the fixtures are judged against (see NOTES.md there). */
  static final String TREE = "src/test/resources/logs/tree";

  /**
   * {@value #TREE}: TLS with Node's defaults (TLS 1.2 floor), flat_file AUTH, a recipient check, and
   * relay by ACL for 198.18.0.10 and 198.18.0.12 as {@code haraka-lint legacy-client --write} left it
   * (relay_acl_allow, [no_tls_hosts], waivers in .haraka-lint.ini).
   */
  static ScenarioTree tree(String name) {
    ScenarioTree t = ScenarioTree.inline(name);
    Path root = HarakaInstall.projectRoot().resolve(TREE);
    try (var files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        t.file(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return t;
  }

  /** The same tree with {@code minVersion=TLSv1}: a TLS 1.0 client then fails on signature algorithms. */
  static ScenarioTree floorTls1(String name) {
    return tree(name).file("config/tls.ini", "[main]\nminVersion=TLSv1\n");
  }

  /** Plays every session of the class comment on {@code s} and returns the server's whole log. */
  static List<String> play(HarakaServer s) {
    for (int i = 0; i < 3; i++) {
      SmtpProbe.as(Client.of(ACL_CLIENT)).rcpt(SmtpProbe.OUTSIDE).data().run(s);
      LegacyTlsProbe.run(s, TLS10, "TLS 1.0 only", "-tls1", "-cipher", "DEFAULT:@SECLEVEL=0");
      SmtpProbe.as(Client.of(PROBER)).rcpt(SmtpProbe.OUTSIDE).run(s);
    }
    LegacyTlsProbe.run(s, NO_SHARED_CIPHER, "CAMELLIA only", "-tls1_2", "-cipher", "CAMELLIA128-SHA");
    LegacyTlsProbe.run(s, ABORTS, "verifying client", "-verify_return_error");
    for (int i = 0; i < 5; i++) {
      SmtpProbe.as(Client.of(BRUTE)).startTls().auth(AuthMethod.PLAIN, "alice", WRONG_PASSWORD).run(s);
    }
    SmtpProbe.as(Client.of(PRIVATE)).auth(AuthMethod.PLAIN, "alice", PASSWORD).run(s);
    SmtpProbe.as(Client.of(MODERN)).startTls().run(s);
    return s.log().all();
  }

  /** The TLS 1.0 client against the TLSv1 floor. */
  static List<String> playFloor(HarakaServer s) {
    for (int i = 0; i < 3; i++) LegacyTlsProbe.run(s, NO_SIGALG, "TLS 1.0 only", "-tls1", "-cipher", "DEFAULT:@SECLEVEL=0");
    return s.log().all();
  }

  /** Keeps a copy under target/live-logs/ (to cut fixtures from, by hand, with NOTES.md). */
  static Path keep(String name, List<String> lines) {
    try {
      Path dir = HarakaInstall.projectRoot().resolve("target/live-logs");
      Files.createDirectories(dir);
      Path p = dir.resolve(name + ".log");
      Files.write(p, new ArrayList<>(lines), StandardCharsets.UTF_8);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
