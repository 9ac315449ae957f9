package io.harakalint.rules.certs;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.model.TestPki;
import io.harakalint.rules.Finding;
import io.harakalint.rules.LintOptions;
import io.harakalint.rules.Linter;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleTester;
import io.harakalint.rules.Severity;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases the rule pages cannot hold: material generated with openssl at test time. */
class CertRulesTest {
  private static final String KEY_OUTSIDE = "[main]\nkey=/etc/haraka/private/mx.key\ncert=tls_cert.pem\n";

  private static List<String> lint(Rule rule, RuleTester t, LocalDate today) {
    List<Finding> f = new Linter(List.of(rule), LintOptions.DEFAULTS.withToday(today)).lint(t.tree());
    return f.stream().map(x -> x.span().file() + ":" + x.span().line() + " " + x.severity().label()).toList();
  }

  private static List<String> lint(Rule rule, RuleTester t) {
    return lint(rule, t, LocalDate.now());
  }

  @Test
  void ignoresMatchingDefaultPair() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair p = pki.selfSigned("/CN=mx.example.com", List.of(), "rsa:2048", "sha256", 30);
      RuleTester.of(new CertKeyMismatch()).file("config/tls_key.pem", pki.convertKey(p.key(), "traditional"))
          .file("config/tls_cert.pem", p.cert()).assertNoFindings();
    }
  }

  @Test
  void flagsRsaKeyOfAnotherCertificateAsStartupCrash() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair a = pki.selfSigned("/CN=mx.example.com", List.of(), "rsa:2048", "sha256", 30);
      TestPki.Pair b = pki.selfSigned("/CN=mx.example.com", List.of(), "rsa:2048", "sha256", 30);
      RuleTester t = RuleTester.of(new CertKeyMismatch()).file("config/tls_key.pem", a.key())
          .file("config/tls_cert.pem", b.cert());
      assertThat(lint(new CertKeyMismatch(), t)).containsExactly("config/tls_cert.pem:1 critical");
    }
  }

  @Test
  void flagsKeyOfOtherTypeAsBrokenHandshakes() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair rsa = pki.selfSigned("/CN=mx.example.com", List.of(), "rsa:2048", "sha256", 30);
      TestPki.Pair ec = pki.selfSigned("/CN=mx.example.com", List.of(), "ec", "sha256", 30);
      RuleTester t = RuleTester.of(new CertKeyMismatch()).file("config/tls_key.pem", rsa.key())
          .file("config/tls_cert.pem", ec.cert());
      assertThat(lint(new CertKeyMismatch(), t)).containsExactly("config/tls_cert.pem:1 high");
    }
  }

  @Test
  void acceptsRsaAndEcPairsGivenAsArrays() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair rsa = pki.selfSigned("/CN=mx.example.com", List.of(), "rsa:2048", "sha256", 30);
      TestPki.Pair ec = pki.selfSigned("/CN=mx.example.com", List.of(), "ec", "sha256", 30);
      RuleTester.of(new CertKeyMismatch())
          .file("config/tls.ini", "[main]\nkey[]=rsa.key\ncert[]=rsa.crt\nkey[]=ec.key\ncert[]=ec.crt\n")
          .file("config/rsa.key", rsa.key()).file("config/rsa.crt", rsa.cert())
          .file("config/ec.key", ec.key()).file("config/ec.crt", ec.cert()).assertNoFindings();
    }
  }

  @Test
  void flagsSniKeyMismatchAsMedium() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair a = pki.selfSigned("/CN=mx.example.com", List.of(), "ec", "sha256", 30);
      TestPki.Pair b = pki.selfSigned("/CN=other.example.com", List.of(), "ec", "sha256", 30);
      RuleTester t = RuleTester.of(new CertKeyMismatch())
          .file("config/tls/mx.example.com.crt", a.cert()).file("config/tls/mx.example.com.key", b.key());
      assertThat(lint(new CertKeyMismatch(), t)).containsExactly("config/tls/mx.example.com.crt:1 medium");
    }
  }

  @Test
  void skipsEncryptedKeys() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair a = pki.selfSigned("/CN=mx.example.com", List.of(), "rsa:2048", "sha256", 30);
      TestPki.Pair b = pki.selfSigned("/CN=mx.example.com", List.of(), "rsa:2048", "sha256", 30);
      RuleTester.of(new CertKeyMismatch()).file("config/tls_key.pem", pki.convertKey(a.key(), "encrypted"))
          .file("config/tls_cert.pem", b.cert()).assertNoFindings();
    }
  }

  @Test
  void flagsExpiringCertificateWithinTheWindow() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair p = pki.selfSigned("/CN=mx.example.com", List.of(), "ec", "sha256", 10);
      RuleTester t = RuleTester.of(new CertExpiry()).file("config/tls.ini", KEY_OUTSIDE).file("config/tls_cert.pem", p.cert());
      assertThat(lint(new CertExpiry(), t, LocalDate.now())).containsExactly("config/tls_cert.pem:1 medium");
      assertThat(lint(new CertExpiry(), t, LocalDate.now().plusDays(20))).containsExactly("config/tls_cert.pem:1 critical");
      assertThat(lint(new CertExpiry(), t, LocalDate.now().minusDays(30))).isEmpty();
    }
  }

  @Test
  void flagsExpiredSniCertificateAndIgnoresUnpairedOnes() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair p = pki.selfSigned("/CN=mx.example.com", List.of(), "ec", "sha256", 10);
      RuleTester t = RuleTester.of(new CertExpiry()).file("config/tls/mx.pem", p.key() + p.cert())
          .file("config/tls/orphan.pem", p.cert());
      assertThat(lint(new CertExpiry(), t, LocalDate.now().plusDays(60))).containsExactly("config/tls/mx.pem:6 critical");
    }
  }

  @Test
  void matchesConfigMeWithOneWildcardLabel() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair w = pki.selfSigned("/CN=*.example.com", List.of("*.example.com"), "ec", "sha256", 30);
      RuleTester ok = RuleTester.of(new CertNameNotMe()).file("config/me", "mx.example.com\n")
          .file("config/tls.ini", KEY_OUTSIDE).file("config/tls_cert.pem", w.cert());
      ok.assertNoFindings();
      RuleTester deep = RuleTester.of(new CertNameNotMe()).file("config/me", "a.mx.example.com\n")
          .file("config/tls.ini", KEY_OUTSIDE).file("config/tls_cert.pem", w.cert());
      assertThat(lint(new CertNameNotMe(), deep)).containsExactly("config/tls_cert.pem:1 medium");
    }
  }

  @Test
  void usesSansNotCommonNameForConfigMe() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair p = pki.selfSigned("/CN=mx.example.com", List.of("smtp.example.com"), "ec", "sha256", 30);
      RuleTester t = RuleTester.of(new CertNameNotMe()).file("config/me", "mx.example.com\n")
          .file("config/tls.ini", KEY_OUTSIDE).file("config/tls_cert.pem", p.cert());
      assertThat(lint(new CertNameNotMe(), t)).containsExactly("config/tls_cert.pem:1 medium");
    }
  }

  @Test
  void lowersConfigMeFindingWhenSniServesThatName() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair other = pki.selfSigned("/CN=other.example.net", List.of(), "ec", "sha256", 30);
      TestPki.Pair mx = pki.selfSigned("/CN=mx.example.com", List.of(), "ec", "sha256", 30);
      RuleTester t = RuleTester.of(new CertNameNotMe()).file("config/me", "mx.example.com\n")
          .file("config/tls.ini", KEY_OUTSIDE).file("config/tls_cert.pem", other.cert())
          .file("config/tls/mx.pem", mx.key() + mx.cert());
      assertThat(lint(new CertNameNotMe(), t)).containsExactly("config/tls_cert.pem:1 low");
    }
  }

  @Test
  void flagsSniFileNamedForAnotherHostAsLow() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair p = pki.selfSigned("/CN=mx.example.com", List.of(), "ec", "sha256", 30);
      RuleTester t = RuleTester.of(new SniNeverSelected()).file("config/tls/mail.example.org.pem", p.key() + p.cert());
      assertThat(lint(new SniNeverSelected(), t)).containsExactly("config/tls/mail.example.org.pem:6 low");
      RuleTester.of(new SniNeverSelected()).file("config/tls/cert-2026.pem", p.key() + p.cert()).assertNoFindings();
    }
  }

  @Test
  void ignoresWildcardThatIsAlsoTheDefaultCertificate() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair w = pki.selfSigned("/CN=*.example.org", List.of("*.example.org"), "ec", "sha256", 30);
      RuleTester.of(new SniNeverSelected()).file("config/tls.ini", KEY_OUTSIDE).file("config/tls_cert.pem", w.cert())
          .file("config/tls/w.pem", w.key() + w.cert()).assertNoFindings();
    }
  }

  @Test
  void rsaUnder1024BitsIsCriticalForTheDefaultCertificate() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair p = pki.selfSigned("/CN=mx.example.com", List.of(), "rsa:768", "sha256", 30);
      RuleTester t = RuleTester.of(new CertRsaKeySmall()).file("config/tls.ini", KEY_OUTSIDE).file("config/tls_cert.pem", p.cert());
      assertThat(lint(new CertRsaKeySmall(), t)).containsExactly("config/tls_cert.pem:1 critical");
    }
  }

  @Test
  void checksTheKeyWhenOnlyTheKeyIsInTheTree() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair p = pki.selfSigned("/CN=mx.example.com", List.of(), "rsa:1024", "sha256", 30);
      RuleTester t = RuleTester.of(new CertRsaKeySmall())
          .file("config/tls.ini", "[main]\nkey=tls_key.pem\ncert=/etc/haraka/mx.crt\n").file("config/tls_key.pem", p.key());
      assertThat(lint(new CertRsaKeySmall(), t)).containsExactly("config/tls_key.pem:1 high");
    }
  }

  @Test
  void selfSignedSha1IsLowAndSniSha1IsMedium() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair ss = pki.selfSigned("/CN=mx.example.com", List.of(), "ec", "sha1", 30);
      RuleTester self = RuleTester.of(new CertWeakSignature()).file("config/tls.ini", KEY_OUTSIDE)
          .file("config/tls_cert.pem", ss.cert());
      assertThat(lint(new CertWeakSignature(), self)).containsExactly("config/tls_cert.pem:1 low");
      TestPki.Pair ca = pki.ca("/CN=Test CA");
      TestPki.Pair leaf = pki.issue(ca, "/CN=mx.example.org", List.of(), "ec", "sha1", 30);
      RuleTester sni = RuleTester.of(new CertWeakSignature()).file("config/tls/mx.example.org.pem", leaf.key() + leaf.cert());
      assertThat(lint(new CertWeakSignature(), sni)).containsExactly("config/tls/mx.example.org.pem:6 medium");
    }
  }

  @Test
  void sha1IsHighBeforeHaraka312() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair ca = pki.ca("/CN=Test CA");
      TestPki.Pair leaf = pki.issue(ca, "/CN=mx.example.com", List.of(), "ec", "sha1", 30);
      RuleTester t = RuleTester.of(new CertWeakSignature()).file("package.json", "{\"dependencies\": {\"Haraka\": \"3.0.3\"}}")
          .file("config/tls.ini", KEY_OUTSIDE).file("config/tls_cert.pem", leaf.cert());
      assertThat(lint(new CertWeakSignature(), t)).containsExactly("config/tls_cert.pem:1 high");
    }
  }

  @Test
  void flagsKeyOnlyFileServingOnlyOneOfTheCertificateNames() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair p = pki.selfSigned("/CN=mx.example.com", List.of("mx.example.com", "smtp.example.com"), "ec", "sha256", 30);
      RuleTester t = RuleTester.of(new TlsDirFileIgnored())
          .file("config/tls/mx.example.com.crt", p.cert()).file("config/tls/mx.example.com.key", p.key());
      assertThat(lint(new TlsDirFileIgnored(), t)).containsExactly("config/tls/mx.example.com.crt:1 medium");
    }
  }

  @Test
  void flagsCertificateWithoutCommonName() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair p = pki.selfSigned("/O=Example", List.of("mx.example.com"), "ec", "sha256", 30);
      RuleTester t = RuleTester.of(new TlsDirFileIgnored()).file("config/tls/mx.example.com.pem", p.key() + p.cert());
      assertThat(lint(new TlsDirFileIgnored(), t)).containsExactly("config/tls/mx.example.com.pem:6 medium");
    }
  }

  @Test
  void acceptsBundleAndMatchingKeyOnlyFile() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair a = pki.selfSigned("/CN=mx.example.com", List.of(), "ec", "sha256", 30);
      TestPki.Pair b = pki.selfSigned("/CN=mail.example.net", List.of("mail.example.net"), "ec", "sha256", 30);
      RuleTester.of(new TlsDirFileIgnored()).file("config/tls/mx.example.com.pem", a.key() + a.cert())
          .file("config/tls/b/cert.pem", b.cert()).file("config/tls/b/mail.example.net.key", b.key()).assertNoFindings();
    }
  }

  @Test
  void acceptsSniCertificateWhoseIssuerIsInTheDefaultChain() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair ca = pki.ca("/CN=Test Issuing CA");
      TestPki.Pair def = pki.issue(ca, "/CN=mx.example.com", List.of("mx.example.com"), "ec", "sha256", 30);
      TestPki.Pair sni = pki.issue(ca, "/CN=mx.example.org", List.of("mx.example.org"), "ec", "sha256", 30);
      RuleTester.of(new SniChainMissing()).file("config/tls.ini", KEY_OUTSIDE)
          .file("config/tls_cert.pem", def.cert() + ca.cert())
          .file("config/tls/mx.example.org.pem", sni.key() + sni.cert() + ca.cert()).assertNoFindings();
    }
  }

  @Test
  void flagsSniChainAsLowWhenTheDefaultChainIsOutsideTheTree() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair ca = pki.ca("/CN=Test Issuing CA");
      TestPki.Pair sni = pki.issue(ca, "/CN=mx.example.org", List.of("mx.example.org"), "ec", "sha256", 30);
      RuleTester t = RuleTester.of(new SniChainMissing())
          .file("config/tls.ini", "[main]\nkey=/etc/haraka/k.pem\ncert=/etc/haraka/c.pem\n")
          .file("config/tls/mx.example.org.pem", sni.key() + sni.cert() + ca.cert());
      assertThat(lint(new SniChainMissing(), t)).containsExactly("config/tls/mx.example.org.pem:6 low");
    }
  }

  @Test
  void certRulesNeverQuoteKeyMaterial() throws IOException {
    try (TestPki pki = TestPki.require()) {
      TestPki.Pair a = pki.selfSigned("/CN=mx.example.com", List.of(), "rsa:1024", "sha1", 1);
      TestPki.Pair b = pki.selfSigned("/CN=mx.example.com", List.of(), "rsa:1024", "sha1", 1);
      RuleTester t = RuleTester.of(new CertKeyMismatch(), new CertExpiry(), new CertRsaKeySmall(), new CertWeakSignature(),
          new TlsDirFileIgnored()).file("config/tls_key.pem", a.key()).file("config/tls_cert.pem", b.cert())
          .file("config/tls/x.key", a.key());
      List<Finding> all = new Linter(List.of(new CertKeyMismatch(), new CertExpiry(), new CertRsaKeySmall(),
          new CertWeakSignature(), new TlsDirFileIgnored()), LintOptions.DEFAULTS.withToday(LocalDate.now().plusDays(5)))
          .lint(t.tree());
      assertThat(all).isNotEmpty();
      List<String> keyLines = a.key().lines().filter(l -> !l.startsWith("-----")).toList();
      for (Finding f : all) {
        for (String l : keyLines) assertThat(f.message()).doesNotContain(l);
      }
      assertThat(all).extracting(Finding::severity).contains(Severity.CRITICAL);
    }
  }
}
