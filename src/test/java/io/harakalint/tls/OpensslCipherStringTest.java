package io.harakalint.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link OpensslCipherString} against the machine's {@code openssl ciphers -V -s -tls1|-tls1_2|-tls1_3 STRING}
 * (OpenSSL 3.0.x, run with {@code OPENSSL_CONF=/dev/null} so a distribution's system policy does not raise the
 * default security level, as Node does not read it either), for real-world strings and generated ones.
 * Deliberate exceptions: none. Suite B strings ({@code SUITEB128...}) are not modelled and not generated.
 */
class OpensslCipherStringTest {
  static final String NODE_DEFAULT = "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:"
      + "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:"
      + "ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:"
      + "ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:"
      + "!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA";
  static final String MOZ_INTERMEDIATE_57 = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
      + "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:"
      + "ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305";
  static final String MOZ_INTERMEDIATE_60 = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
      + "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:"
      + "ECDHE-RSA-CHACHA20-POLY1305";
  static final String MOZ_OLD_57 = MOZ_INTERMEDIATE_57 + ":ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA256:"
      + "ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA384:ECDHE-RSA-AES256-SHA384:"
      + "ECDHE-ECDSA-AES256-SHA:ECDHE-RSA-AES256-SHA:DHE-RSA-AES128-SHA256:DHE-RSA-AES256-SHA256:AES128-GCM-SHA256:"
      + "AES256-GCM-SHA384:AES128-SHA256:AES256-SHA256:AES128-SHA:AES256-SHA:DES-CBC3-SHA";
  static final String HARAKA_COMPATIBLE = "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:"
      + "DHE-RSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-SHA384:ECDHE-RSA-AES128-SHA256:"
      + "ECDHE-RSA-AES256-SHA:ECDHE-RSA-AES128-SHA:DHE-RSA-AES256-SHA256:DHE-RSA-AES128-SHA256:DHE-RSA-AES256-SHA:"
      + "DHE-RSA-AES128-SHA:ECDHE-RSA-DES-CBC3-SHA:EDH-RSA-DES-CBC3-SHA:AES256-GCM-SHA384:AES128-GCM-SHA256:"
      + "AES256-SHA256:AES128-SHA256:AES256-SHA:AES128-SHA:DES-CBC3-SHA:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!MD5:!PSK:!RC4";

  static List<String> realStrings() {
    return List.of(NODE_DEFAULT, NODE_DEFAULT + ":@SECLEVEL=0", MOZ_INTERMEDIATE_57, MOZ_INTERMEDIATE_60,
        MOZ_OLD_57, "@SECLEVEL=0:" + MOZ_OLD_57, MOZ_OLD_57 + ":@SECLEVEL=0", HARAKA_COMPATIBLE,
        HARAKA_COMPATIBLE + ":@SECLEVEL=0", "DEFAULT", "DEFAULT:@SECLEVEL=0", "DEFAULT@SECLEVEL=0",
        "DEFAULT:@SECLEVEL=1", "DEFAULT:@SECLEVEL=2", "DEFAULT:@SECLEVEL=3", "DEFAULT:@SECLEVEL=4", "DEFAULT:@SECLEVEL=5",
        "HIGH:!aNULL:!MD5", "HIGH:!aNULL:!MD5:@SECLEVEL=0", "ECDHE+AESGCM:@STRENGTH", "ECDHE+AESGCM", "EECDH+AESGCM:EDH+AESGCM",
        "EECDH+AESGCM:EDH+AESGCM:AES256+EECDH:AES256+EDH", "HIGH:MEDIUM:!aNULL:!MD5:!RC4", "ALL", "ALL:@STRENGTH",
        "ALL:COMPLEMENTOFALL", "ALL:COMPLEMENTOFALL:@SECLEVEL=0", "ALL:!COMPLEMENTOFDEFAULT:!eNULL", "COMPLEMENTOFDEFAULT",
        "COMPLEMENTOFDEFAULT:@SECLEVEL=0", "eNULL:@SECLEVEL=0", "NULL:@SECLEVEL=0", "aNULL:@SECLEVEL=0", "kRSA", "aRSA",
        "ECDHE", "EECDH", "EDH", "DHE", "kEDH", "kDHE", "AESGCM", "CHACHA20", "SHA1", "SHA256", "SHA384", "SHA", "MD5",
        "CAMELLIA", "ARIA", "AESCCM", "AESCCM8", "AES128", "AES256", "AES", "CBC", "FIPS", "HIGH", "MEDIUM", "LOW",
        "EXPORT", "RC4", "3DES", "DES-CBC3-SHA", "SSLv3", "TLSv1", "TLSv1.0", "TLSv1.2", "TLSv1.2:@SECLEVEL=3",
        "HIGH:!SSLv3:!TLSv1", "ECDHE-RSA-AES128-GCM-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_AES_128_GCM_SHA256", "AES128-SHA", "AES128-SHA:@SECLEVEL=4", "!aNULL:HIGH", "-ALL:HIGH", "HIGH:-ALL:kRSA",
        "HIGH:+kRSA", "HIGH:+AES128:+SHA1", "HIGH:!kRSA:!kDHE", "DEFAULT:!kDHE", NODE_DEFAULT + ":!kDHE:@SECLEVEL=0",
        "HIGH:!DSS:!aNULL", "ECDHE:DHE:kRSA:!aNULL:@STRENGTH", "HIGH!aNULL", "HIGH@STRENGTH", "HIGH;!SHA1", "HIGH,!SHA1",
        "HIGH !SHA1", "HIGH:@BOGUS", "HIGH:@SECLEVEL=9", "HIGH:(x)", "DEFAULTS", "PSK", "SRP", "kPSK:@SECLEVEL=0",
        "RSA+AES", "ECDHE+ECDSA+AESGCM", "HIGH+FIPS", "FIPS+HIGH", "AES128-SHA+HIGH", "AES128-SHA+SHA256",
        "TLSv1+TLSv1.2", "kRSA+TLSv1.2", "NOSUCH:HIGH", "NOSUCH+HIGH:kRSA", "", ":", "HIGH::kRSA", "+HIGH", "!HIGH",
        "-HIGH", "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:@STRENGTH", "AESGCM:CHACHA20:@STRENGTH",
        "CHACHA20:AESGCM", "ALL:-CHACHA20:CHACHA20", "ALL:+CHACHA20", "ALL:-AESGCM:+AESGCM:AESGCM");
  }

  static List<String> generatedStrings(int count) {
    CipherTable t = CipherTable.get();
    List<String> words = new ArrayList<>(List.of("ALL", "COMPLEMENTOFALL", "COMPLEMENTOFDEFAULT", "HIGH", "MEDIUM", "LOW",
        "FIPS", "kRSA", "kDHE", "kEDH", "kECDHE", "kEECDH", "DH", "ECDH", "aRSA", "aDSS", "DSS", "aNULL", "aECDSA",
        "ECDSA", "EDH", "DHE", "EECDH", "ECDHE", "NULL", "eNULL", "RSA", "ADH", "AECDH", "PSK", "kPSK", "aPSK", "SRP",
        "AES", "AES128", "AES256", "AESGCM", "AESCCM", "AESCCM8", "CAMELLIA", "CAMELLIA128", "CAMELLIA256", "CHACHA20",
        "ARIA", "ARIAGCM", "ARIA128", "ARIA256", "CBC", "MD5", "SHA1", "SHA", "SHA256", "SHA384", "SSLv3", "TLSv1",
        "TLSv1.0", "TLSv1.2", "RC4", "3DES", "DES", "EXPORT", "IDEA", "SEED", "GOST", "NOSUCH"));
    for (CipherSuite c : t.legacySuites()) words.add(c.name());
    for (int i = 0; i < 20; i++) words.add(t.legacySuites().get(i * 7 % t.legacySuites().size()).stdName());
    Random r = new Random(20261128);
    String[] prefixes = {"", "", "", "!", "-", "+"};
    Set<String> out = new LinkedHashSet<>();
    while (out.size() < count) {
      StringBuilder sb = new StringBuilder();
      if (r.nextInt(6) == 0) sb.append("DEFAULT:");
      int terms = 1 + r.nextInt(6);
      for (int i = 0; i < terms; i++) {
        if (i > 0) sb.append(':');
        sb.append(i == 0 && r.nextBoolean() ? "" : prefixes[r.nextInt(prefixes.length)]);
        sb.append(words.get(r.nextInt(words.size())));
        if (r.nextInt(4) == 0) sb.append('+').append(words.get(r.nextInt(words.size())));
      }
      if (r.nextInt(4) == 0) sb.append(":@STRENGTH");
      if (r.nextInt(3) == 0) sb.append(":@SECLEVEL=").append(r.nextInt(6));
      out.add(sb.toString());
    }
    return List.copyOf(out);
  }

  static final Map<String, TlsProtocol> FLAGS = Map.of("-tls1", TlsProtocol.TLSv1, "-tls1_2", TlsProtocol.TLSv1_2,
      "-tls1_3", TlsProtocol.TLSv1_3);

  static String openssl(String flag, String rule) {
    try {
      ProcessBuilder pb = new ProcessBuilder("openssl", "ciphers", "-V", "-s", flag, "--", rule).redirectErrorStream(false);
      pb.environment().put("OPENSSL_CONF", "/dev/null");
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      Process p = pb.start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "TIMEOUT";
      }
      if (p.exitValue() != 0) return "ERROR";
      return text.lines().map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.split("\\s+")[2])
          .collect(Collectors.joining(":"));
    } catch (IOException e) {
      return "NO-OPENSSL";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "INTERRUPTED";
    }
  }

  static String ours(String flag, String rule) {
    OpensslCipherString.Result res = OpensslCipherString.evaluate(rule);
    if (!res.ok()) return "ERROR";
    TlsProtocol v = FLAGS.get(flag);
    return OpensslCipherString.supported(CipherTable.get().defaultTls13(), res.suites(), res.effectiveSecLevel(1), v, v)
        .stream().map(CipherSuite::name).collect(Collectors.joining(":"));
  }

  static boolean opensslUsable() {
    String v = openssl("-tls1_2", "HIGH");
    return !v.equals("NO-OPENSSL") && !v.equals("ERROR");
  }

  @Test
  void agreesWithOpensslCiphersOnRealAndGeneratedStrings() throws Exception {
    if (!opensslUsable()) {
      System.out.println("OpensslCipherStringTest: SKIPPED, no usable `openssl` on PATH");
      assumeTrue(false, "openssl absent");
    }
    String version = new String(new ProcessBuilder("openssl", "version").start().getInputStream().readAllBytes(),
        StandardCharsets.UTF_8).trim();
    assumeTrue(version.startsWith("OpenSSL 3.0."), "the table and rules are OpenSSL 3.0's; found " + version);
    List<String> strings = new ArrayList<>(realStrings());
    strings.addAll(generatedStrings(300));
    Map<String, String> disagreements = new ConcurrentHashMap<>();
    List<String[]> cases = new ArrayList<>();
    for (String s : strings) for (String f : List.of("-tls1", "-tls1_2", "-tls1_3")) cases.add(new String[] {f, s});
    int[] nonEmpty = {0};
    cases.parallelStream().forEach(c -> {
      String expected = openssl(c[0], c[1]);
      String actual = ours(c[0], c[1]);
      if (!expected.equals(actual)) {
        disagreements.put(c[0] + " '" + c[1] + "'", "\n  openssl: " + expected + "\n  ours:    " + actual);
      }
    });
    for (String[] c : cases) if (!ours(c[0], c[1]).isEmpty() && !ours(c[0], c[1]).equals("ERROR")) nonEmpty[0]++;
    int agree = cases.size() - disagreements.size();
    System.out.printf("openssl cipher strings: %d/%d agree (%.2f%%) over %d strings x 3 protocols (%d non-empty lists), %s%n",
        agree, cases.size(), 100.0 * agree / cases.size(), strings.size(), nonEmpty[0], version);
    assertThat(disagreements).as("disagreements with openssl ciphers").isEmpty();
  }
}
