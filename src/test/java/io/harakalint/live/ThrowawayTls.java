package io.harakalint.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A self-signed key and certificate for CN=mx.test (valid two days) and RFC 7919 ffdhe2048 DH
 * parameters, made once per test run with openssl in a temporary folder and copied into the trees
 * that need TLS. Nothing here is ever committed. The DH file is there so Haraka does not spend
 * seconds running {@code openssl dhparam 2048} itself at start-up.
 */
final class ThrowawayTls {
  static final String KEY = "tls_key.pem";
  static final String CERT = "tls_cert.pem";
  static final String DHPARAM = "dhparams.pem";

  private static Path dir;
  private static Path otherKey;

  private ThrowawayTls() {}

  /** A second RSA key, which belongs to no certificate (for key/certificate mismatch scenarios). */
  static synchronized Path otherKey() {
    if (otherKey != null) return otherKey;
    Path d = material();
    Command gen = Command.run(List.of(HarakaInstall.OPENSSL, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
        "-out", "other_key.pem"), d, "", Duration.ofSeconds(60));
    if (!gen.ok()) throw new IllegalStateException("openssl genpkey (RSA) failed: " + gen.output());
    otherKey = d.resolve("other_key.pem");
    return otherKey;
  }

  /** The folder holding the three files, made on first use. */
  static synchronized Path material() {
    if (dir != null) return dir;
    try {
      Path d = Files.createTempDirectory("haraka-lint-live-tls-");
      TempDirs.deleteOnExit(d);
      Command req = Command.run(List.of(HarakaInstall.OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes",
          "-subj", "/CN=mx.test", "-days", "2", "-keyout", KEY, "-out", CERT), d, "", Duration.ofSeconds(60));
      if (!req.ok()) throw new IllegalStateException("openssl req failed: " + req.output());
      Command dh = Command.run(List.of(HarakaInstall.OPENSSL, "genpkey", "-genparam", "-algorithm", "DH",
          "-pkeyopt", "group:ffdhe2048", "-out", DHPARAM), d, "", Duration.ofSeconds(60));
      if (!dh.ok()) throw new IllegalStateException("openssl genpkey (ffdhe2048) failed: " + dh.output());
      dir = d;
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
