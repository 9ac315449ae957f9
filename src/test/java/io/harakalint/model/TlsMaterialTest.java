package io.harakalint.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.load.ConfigLoader;
import io.harakalint.load.MemoryTreeSource;
import io.harakalint.text.SourceFile;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsMaterialTest {
  private static PemFile pem(String text) {
    return PemFile.parse("x.pem", SourceFile.of("config/x.pem", text));
  }

  private static ConfigTree tree(String... pathsAndTexts) {
    MemoryTreeSource src = new MemoryTreeSource("t");
    src.put("config/smtp.ini", "[main]\n");
    for (int i = 0; i < pathsAndTexts.length; i += 2) src.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
    return ConfigLoader.load(src, null);
  }

  @Test
  void readsCertificateNamesDatesAndSignature() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair p = pki.selfSigned("/O=Example/CN=mx.example.com", List.of("mx.example.com", "smtp.example.com"),
          "rsa:2048", "sha256", 30);
      PemFile.Cert c = pem("# comment before the block\n" + p.cert()).certificates().get(0);
      assertThat(c.parsed()).isTrue();
      assertThat(c.line()).isEqualTo(2);
      assertThat(c.commonName()).contains("mx.example.com");
      assertThat(c.dnsNames()).containsExactly("mx.example.com", "smtp.example.com");
      assertThat(c.harakaNames()).containsExactly("mx.example.com", "smtp.example.com");
      assertThat(c.rsaBits()).isEqualTo(2048);
      assertThat(c.signatureDigest()).isEqualTo("SHA256");
      assertThat(c.selfIssued()).isTrue();
      assertThat(c.notAfter()).isAfter(java.time.LocalDate.now().plusDays(28));
    }
  }

  @Test
  void cutsCommonNameLikeHarakasRegex() throws IOException {
    try (TestPki pki = TestPki.require()) {
      PemFile.Cert c = pem(pki.selfSigned("/CN=Test Server", List.of(), "ec", "sha256", 30).cert()).certificates().get(0);
      assertThat(c.commonName()).contains("Test Server");
      assertThat(c.harakaNames()).containsExactly("Test");
    }
  }

  @Test
  void flagsCertificateWithSansButNoCommonName() throws IOException {
    try (TestPki pki = TestPki.require()) {
      PemFile.Cert c = pem(pki.selfSigned("/O=No CN", List.of("mx.example.com"), "ec", "sha256", 30).cert())
          .certificates().get(0);
      assertThat(c.harakaRejectsNames()).isTrue();
      assertThat(c.clientNames()).containsExactly("mx.example.com");
    }
  }

  @Test
  void matchesRsaKeysInPkcs8AndPkcs1() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair a = pki.selfSigned("/CN=a.example", List.of(), "rsa:2048", "sha256", 30);
      TestPki.Pair b = pki.selfSigned("/CN=b.example", List.of(), "rsa:2048", "sha256", 30);
      PemFile.Cert cert = pem(a.cert()).certificates().get(0);
      assertThat(pem(a.key()).keys().get(0).matches(cert)).isEqualTo(PemFile.KeyMatch.MATCH);
      PemFile.Key pkcs1 = pem(pki.convertKey(a.key(), "traditional")).keys().get(0);
      assertThat(pkcs1.label()).isEqualTo("RSA PRIVATE KEY");
      assertThat(pkcs1.rsaBits()).isEqualTo(2048);
      assertThat(pkcs1.matches(cert)).isEqualTo(PemFile.KeyMatch.MATCH);
      assertThat(pem(b.key()).keys().get(0).matches(cert)).isEqualTo(PemFile.KeyMatch.MISMATCH);
    }
  }

  @Test
  void matchesEcKeysInPkcs8AndSec1() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair a = pki.selfSigned("/CN=a.example", List.of(), "ec", "sha256", 30);
      TestPki.Pair b = pki.selfSigned("/CN=b.example", List.of(), "ec", "sha256", 30);
      TestPki.Pair r = pki.selfSigned("/CN=r.example", List.of(), "rsa:2048", "sha256", 30);
      PemFile.Cert cert = pem(a.cert()).certificates().get(0);
      assertThat(pem(a.key()).keys().get(0).matches(cert)).isEqualTo(PemFile.KeyMatch.MATCH);
      String sec1 = pki.convertKey(a.key(), "traditional");
      assertThat(sec1).contains("BEGIN EC PRIVATE KEY");
      assertThat(pem(sec1).keys().get(0).matches(cert)).isEqualTo(PemFile.KeyMatch.MATCH);
      assertThat(pem(b.key()).keys().get(0).matches(cert)).isEqualTo(PemFile.KeyMatch.MISMATCH);
      assertThat(pem(r.key()).keys().get(0).matches(cert)).isEqualTo(PemFile.KeyMatch.OTHER_TYPE);
    }
  }

  @Test
  void encryptedKeysAreKnownButNotRead() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair a = pki.selfSigned("/CN=a.example", List.of(), "rsa:2048", "sha256", 30);
      PemFile.Cert cert = pem(a.cert()).certificates().get(0);
      PemFile.Key pkcs8 = pem(pki.convertKey(a.key(), "encrypted")).keys().get(0);
      assertThat(pkcs8.encrypted()).isTrue();
      assertThat(pkcs8.harakaVisible()).isTrue();
      assertThat(pkcs8.matches(cert)).isEqualTo(PemFile.KeyMatch.UNKNOWN);
      PemFile.Key legacy = pem(pki.convertKey(a.key(), "encrypted-traditional")).keys().get(0);
      assertThat(legacy.encrypted()).isTrue();
      assertThat(legacy.harakaVisible()).as("DEK-Info has a '-', which Haraka's keyRe does not allow").isFalse();
    }
  }

  @Test
  void keyToStringNeverShowsMaterial() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair a = pki.selfSigned("/CN=a.example", List.of(), "ec", "sha256", 30);
      PemFile.Key k = pem(a.key()).keys().get(0);
      String body = a.key().lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
      assertThat(k.toString()).doesNotContain(body).contains("content not shown");
    }
  }

  @Test
  void readsDhPrimeSize() throws IOException {
    try (TestPki pki = TestPki.require()) {
      PemFile.DhParams pkcs3 = pem(pki.dhparams(512, false)).dhParams().get(0);
      assertThat(pkcs3.primeBits()).isEqualTo(512);
      assertThat(pkcs3.x942()).isFalse();
      PemFile.DhParams x942 = pem(pki.dhparams(1024, true)).dhParams().get(0);
      assertThat(x942.primeBits()).isEqualTo(1024);
      assertThat(x942.x942()).isTrue();
    }
  }

  @Test
  void placeholderPemIsNotReadable() {
    PemFile f = pem("-----BEGIN CERTIFICATE-----\nFAKE-CERT-FOR-HARAKA-LINT-SAMPLES\n-----END CERTIFICATE-----\n"
        + "-----BEGIN DH PARAMETERS-----\nFAKE\n-----END DH PARAMETERS-----\n");
    assertThat(f.certificates()).hasSize(1);
    assertThat(f.certificates().get(0).parsed()).isFalse();
    assertThat(f.dhParams().get(0).primeBits()).isEqualTo(-1);
  }

  @Test
  void pairsConfigTlsFilesLikeGetCertsDir() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair mx = pki.selfSigned("/CN=mx.example.com", List.of("mx.example.com", "smtp.example.com"), "ec", "sha256", 30);
      TestPki.Pair bundle = pki.selfSigned("/CN=mail.example.net", List.of(), "ec", "sha256", 30);
      TestPki.Pair win = pki.selfSigned("/CN=unused", List.of(), "ec", "sha256", 30);
      ConfigTree t = tree(
          "config/tls/a/mx.example.com.crt", mx.cert(),
          "config/tls/a/mx.example.com.key", mx.key(),
          "config/tls/bundle.pem", bundle.key() + bundle.cert(),
          "config/tls/_.example.org.key", win.key(),
          "config/tls/notes.txt", "not pem\n");
      TlsMaterial m = t.tlsMaterial();
      assertThat(m.tlsDirFiles()).extracting(PemFile::name).containsExactly(
          "tls/_.example.org.key", "tls/bundle.pem", "tls/notes.txt", "tls/a/mx.example.com.crt", "tls/a/mx.example.com.key");
      assertThat(m.sniEntries()).extracting(TlsMaterial.SniEntry::name).containsExactly(
          "*.example.org", "mail.example.net", "mx.example.com", "smtp.example.com");
      assertThat(m.sniEntries()).extracting(TlsMaterial.SniEntry::loaded).containsExactly(false, true, true, false);
      assertThat(m.skippedTlsDirFiles()).extracting(s -> s.file().name()).containsExactly("tls/notes.txt");
    }
  }

  @Test
  void beforeHaraka304OnlyFilesWithKeyAndCertificateCount() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair mx = pki.selfSigned("/CN=mx.example.com", List.of(), "ec", "sha256", 30);
      TestPki.Pair b = pki.selfSigned("/CN=b.example.com", List.of(), "ec", "sha256", 30);
      ConfigTree t = tree("package.json", "{\"dependencies\": {\"Haraka\": \"2.8.28\"}}",
          "config/tls/mx.example.com.crt", mx.cert(), "config/tls/mx.example.com.key", mx.key(),
          "config/tls/b.pem", b.key() + b.cert());
      assertThat(t.tlsMaterial().sniEntries()).extracting(TlsMaterial.SniEntry::name).containsExactly("b.example.com");
    }
  }

  @Test
  void walksFoldersThatHoldOnlyFolders() {
    ConfigTree t = tree("config/tls/a/b/x.pem", "x\n", "config/tls/z.pem", "z\n", "config/tls/a/c/y.pem", "y\n");
    assertThat(t.tlsMaterial().tlsDirFiles()).extracting(PemFile::name)
        .containsExactly("tls/z.pem", "tls/a/b/x.pem", "tls/a/c/y.pem");
  }

  @Test
  void neverReadsAbsolutePaths() {
    ConfigTree t = tree("config/tls.ini", "key=/etc/haraka/k.pem\ncert=/etc/haraka/c.pem\ndhparam=/etc/haraka/dh.pem\n");
    assertThat(t.tlsMaterial().defaultKeyFiles()).isEmpty();
    assertThat(t.tlsMaterial().defaultCertFiles()).isEmpty();
    assertThat(t.tlsMaterial().defaultCertsAllInTree()).isFalse();
    assertThat(t.tlsMaterial().pem("/etc/haraka/dh.pem")).isEmpty();
  }
}
