package io.harakalint.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Throwaway keys and certificates made with the {@code openssl} command at test time (never checked
 * in). Tests call {@link #require()}, which skips them, with a visible message, where openssl is absent.
 */
public final class TestPki implements AutoCloseable {
  private static Boolean available;
  private final Path dir;
  private int serial = 4096;

  /** A generated key and certificate as PEM text. */
  public record Pair(String key, String cert) {
    @Override
    public String toString() {
      return "Pair[test material, not shown]";
    }
  }

  private TestPki(Path dir) {
    this.dir = dir;
  }

  /** A fresh working folder; skips the calling test when openssl cannot run. */
  public static TestPki require() throws IOException {
    if (available == null) {
      try {
        Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
        available = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException | InterruptedException e) {
        available = false;
      }
      if (!available) System.out.println("TestPki: openssl not found on the PATH, certificate tests are skipped");
    }
    assumeTrue(available, "openssl not found on the PATH: certificate tests skipped");
    return new TestPki(Files.createTempDirectory("haraka-lint-pki"));
  }

  /** A self-signed certificate: {@code key} is "rsa:2048", "rsa:1024" or "ec"; {@code digest} "sha256", "sha1"... */
  public Pair selfSigned(String subject, List<String> dnsNames, String key, String digest, int days) throws IOException {
    String n = next();
    String keyFile = newKey(n, key);
    List<String> cmd = new ArrayList<>(List.of("openssl", "req", "-x509", "-key", keyFile, "-out", n + ".crt",
        "-days", Integer.toString(days), "-" + digest, "-subj", subject));
    if (!dnsNames.isEmpty()) cmd.addAll(List.of("-addext", "subjectAltName=" + san(dnsNames)));
    run(cmd);
    return new Pair(read(keyFile), read(n + ".crt"));
  }

  /** A CA (self-signed, 'ec') to issue leaves with {@link #issue}. */
  public Pair ca(String subject) throws IOException {
    return selfSigned(subject, List.of(), "ec", "sha256", 36500);
  }

  /** A leaf issued by {@code ca}. */
  public Pair issue(Pair ca, String subject, List<String> dnsNames, String key, String digest, int days) throws IOException {
    String n = next();
    String keyFile = newKey(n, key);
    write(n + "-ca.key", ca.key());
    write(n + "-ca.crt", ca.cert());
    run(List.of("openssl", "req", "-new", "-key", keyFile, "-out", n + ".csr", "-subj", subject));
    write(n + ".ext", "basicConstraints=CA:FALSE\n" + (dnsNames.isEmpty() ? "" : "subjectAltName=" + san(dnsNames) + "\n"));
    run(List.of("openssl", "x509", "-req", "-in", n + ".csr", "-CA", n + "-ca.crt", "-CAkey", n + "-ca.key",
        "-set_serial", Integer.toString(++serial), "-days", Integer.toString(days), "-" + digest,
        "-extfile", n + ".ext", "-out", n + ".crt"));
    return new Pair(read(keyFile), read(n + ".crt"));
  }

  /** The key in another PEM form: "pkcs8", "traditional" (PKCS#1 or SEC1), "encrypted" (PKCS#8) or "encrypted-traditional". */
  public String convertKey(String pem, String form) throws IOException {
    String n = next();
    write(n + ".in", pem);
    List<String> cmd = new ArrayList<>(List.of("openssl", "pkey", "-in", n + ".in", "-out", n + ".out"));
    switch (form) {
      case "traditional" -> cmd.add("-traditional");
      case "encrypted" -> cmd.addAll(List.of("-aes128", "-passout", "pass:test"));
      case "encrypted-traditional" -> cmd.addAll(List.of("-traditional", "-aes128", "-passout", "pass:test"));
      default -> { }
    }
    run(cmd);
    return read(n + ".out");
  }

  /** DH parameters: {@code x942} for 'openssl dhparam -dsaparam' output. */
  public String dhparams(int bits, boolean x942) throws IOException {
    String n = next();
    List<String> cmd = new ArrayList<>(List.of("openssl", "dhparam", "-out", n + ".pem"));
    if (x942) cmd.add("-dsaparam");
    cmd.add(Integer.toString(bits));
    run(cmd);
    return read(n + ".pem");
  }

  private String newKey(String n, String key) throws IOException {
    String f = n + ".key";
    if (key.equals("ec")) {
      run(List.of("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", f));
    } else if (key.startsWith("rsa:")) {
      run(List.of("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:" + key.substring(4), "-out", f));
    } else {
      run(List.of("openssl", "genpkey", "-algorithm", key, "-out", f));
    }
    return f;
  }

  private static String san(List<String> dnsNames) {
    return String.join(",", dnsNames.stream().map(d -> "DNS:" + d).toList());
  }

  private String next() {
    return "m" + (++serial);
  }

  private void run(List<String> cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("openssl failed: " + String.join(" ", cmd.subList(0, 2)) + ": " + out.lines().findFirst().orElse(""));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private String read(String name) throws IOException {
    return Files.readString(dir.resolve(name), StandardCharsets.US_ASCII);
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  /** Joins PEM texts into one file, as a bundle. */
  public static String bundle(String... pems) {
    return String.join("", Arrays.asList(pems));
  }
}
