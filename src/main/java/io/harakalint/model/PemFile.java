package io.harakalint.model;

import io.harakalint.text.SourceFile;
import io.harakalint.text.Span;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The PEM blocks of one file (certificates, private keys, DH parameters), decoded with the JDK on
 * first use. Nothing here ever returns or prints key material: keys are kept only to compare them
 * with a certificate, and {@code toString} of every type is redacted.
 */
public final class PemFile {
  private static final Pattern BEGIN = Pattern.compile("^-----BEGIN ([A-Z0-9. ]+)-----\\s*$");
  private static final Pattern END = Pattern.compile("^-----END ([A-Z0-9. ]+)-----\\s*$");
  // tls_socket.js parse_x509: keyRe /BEGIN (?:\w+ )?PRIVATE KEY[-]+[^-]*[-]+END .../ (3.0.4+).
  private static final Pattern KEY_LABEL = Pattern.compile("^(?:\\w+ )?PRIVATE KEY$");

  private final String name;
  private final SourceFile source;
  private final List<Block> blocks;
  private List<Cert> certs;
  private List<Key> keys;
  private List<DhParams> dhParams;

  /** One BEGIN/END block; {@code der} is null when the body is not valid base64. */
  private record Block(String label, int line, boolean headers, byte[] der) {
    @Override
    public String toString() {
      return "Block[" + label + " at line " + line + "]";
    }
  }

  private PemFile(String name, SourceFile source, List<Block> blocks) {
    this.name = name;
    this.source = source;
    this.blocks = blocks;
  }

  /** Splits a file into PEM blocks; text outside blocks (comments, bag attributes) is ignored, as OpenSSL does. */
  public static PemFile parse(String configName, SourceFile source) {
    List<Block> out = new ArrayList<>();
    String label = null;
    int start = 0;
    boolean headers = false;
    StringBuilder body = null;
    for (SourceFile.Line l : source.lines()) {
      String t = l.text().strip();
      if (label == null) {
        Matcher m = BEGIN.matcher(t);
        if (m.matches()) {
          label = m.group(1);
          start = l.number();
          headers = false;
          body = new StringBuilder();
        }
        continue;
      }
      Matcher e = END.matcher(t);
      if (e.matches()) {
        out.add(new Block(label, start, headers, decode(body.toString())));
        label = null;
      } else if (t.contains(":")) {
        headers = true; // RFC 1421 headers such as Proc-Type: 4,ENCRYPTED and DEK-Info: ...
      } else {
        body.append(t);
      }
    }
    return new PemFile(configName, source, List.copyOf(out));
  }

  private static byte[] decode(String base64) {
    try {
      byte[] der = Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
      return der.length == 0 ? null : der;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The file name relative to the config folder ("tls_cert.pem", "tls/mx.example.com.pem"). */
  public String name() {
    return name;
  }

  public String path() {
    return source.path();
  }

  /** Whether the file holds any PEM block at all. */
  public boolean hasBlocks() {
    return !blocks.isEmpty();
  }

  public Span spanAt(int line) {
    return source.spanAt(line, 1);
  }

  /** Every CERTIFICATE block in file order; the first one is the leaf. */
  public synchronized List<Cert> certificates() {
    if (certs == null) {
      List<Cert> out = new ArrayList<>();
      for (Block b : blocks) {
        if (b.label().equals("CERTIFICATE")) out.add(new Cert(this, b.line(), !b.headers(), parseCert(b.der())));
      }
      certs = List.copyOf(out);
    }
    return certs;
  }

  /** Every private-key block in file order. */
  public synchronized List<Key> keys() {
    if (keys == null) {
      List<Key> out = new ArrayList<>();
      for (Block b : blocks) {
        if (b.label().endsWith("PRIVATE KEY")) out.add(Key.of(this, b));
      }
      keys = List.copyOf(out);
    }
    return keys;
  }

  /** Every DH PARAMETERS (PKCS#3) or X9.42 DH PARAMETERS block. */
  public synchronized List<DhParams> dhParams() {
    if (dhParams == null) {
      List<DhParams> out = new ArrayList<>();
      for (Block b : blocks) {
        if (b.label().equals("DH PARAMETERS") || b.label().equals("X9.42 DH PARAMETERS")) {
          out.add(new DhParams(b.line(), b.label().startsWith("X9.42"), primeBits(b.der())));
        }
      }
      dhParams = List.copyOf(out);
    }
    return dhParams;
  }

  private static int primeBits(byte[] der) {
    if (der == null) return -1;
    try {
      // PKCS#3 DHParameter ::= SEQUENCE { prime, base, ... }; X9.42 DomainParameters ::= SEQUENCE { p, g, q, ... }
      return Der.parse(der).children().get(0).integer().bitLength();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private static X509Certificate parseCert(byte[] der) {
    if (der == null) return null;
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "PemFile[" + name + ", " + blocks.size() + " blocks]";
  }

  /** DH parameters: {@code primeBits} is -1 when the block cannot be read. */
  public record DhParams(int line, boolean x942, int primeBits) {}

  /** A CERTIFICATE block; {@code x509} is empty when the JDK cannot parse it. */
  public static final class Cert {
    private final PemFile file;
    private final int line;
    private final boolean harakaVisible;
    private final X509Certificate x509;

    Cert(PemFile file, int line, boolean harakaVisible, X509Certificate x509) {
      this.file = file;
      this.line = line;
      this.harakaVisible = harakaVisible;
      this.x509 = x509;
    }

    public PemFile file() {
      return file;
    }

    /** The line of its BEGIN marker. */
    public int line() {
      return line;
    }

    public Span span() {
      return file.spanAt(line);
    }

    public boolean parsed() {
      return x509 != null;
    }

    /** Haraka finds blocks with a regex that allows no '-' inside (so no RFC 1421 headers). */
    public boolean harakaVisible() {
      return harakaVisible;
    }

    public Optional<X509Certificate> x509() {
      return Optional.ofNullable(x509);
    }

    /** The first CN of the subject, in certificate order (what {@code openssl x509 -subject} prints first). */
    public Optional<String> commonName() {
      if (x509 == null) return Optional.empty();
      try {
        // LdapName lists RDNs from the last in the string, i.e. in DER order.
        for (Rdn rdn : new LdapName(x509.getSubjectX500Principal().getName()).getRdns()) {
          if (rdn.getType().equalsIgnoreCase("CN")) return Optional.of(rdn.getValue().toString());
        }
      } catch (InvalidNameException e) {
        return Optional.empty();
      }
      return Optional.empty();
    }

    /** Subject alternative names of type dNSName. */
    public List<String> dnsNames() {
      List<String> out = new ArrayList<>();
      if (x509 == null) return out;
      try {
        Collection<List<?>> sans = x509.getSubjectAlternativeNames();
        if (sans == null) return out;
        for (List<?> san : sans) {
          if (san.size() >= 2 && Integer.valueOf(2).equals(san.get(0))) out.add(san.get(1).toString());
        }
      } catch (CertificateParsingException e) {
        return out;
      }
      return out;
    }

    /** The names a verifying client checks (RFC 6125): the DNS SANs, or the CN when there is none. */
    public List<String> clientNames() {
      List<String> dns = dnsNames();
      if (!dns.isEmpty()) return dns;
      return commonName().map(List::of).orElse(List.of());
    }

    /**
     * The names Haraka (3.0.4+) indexes this certificate by in {@code config/tls}: the CN as its regex
     * {@code CN\s*=\s*([^/\s,]+)} cuts it, then the DNS SANs. Empty when neither exists (Haraka then
     * uses the file name).
     */
    public List<String> harakaNames() {
      List<String> out = new ArrayList<>();
      commonName().map(Cert::cutLikeHaraka).filter(s -> !s.isEmpty()).ifPresent(out::add);
      for (String d : dnsNames()) if (!out.contains(d)) out.add(d);
      return out;
    }

    /**
     * A certificate with DNS SANs but no CN makes {@code parse_x509} throw ({@code res.names} is
     * undefined when it pushes the SANs), and {@code get_certs_dir} then skips the whole file.
     */
    public boolean harakaRejectsNames() {
      return x509 != null && commonName().map(Cert::cutLikeHaraka).filter(s -> !s.isEmpty()).isEmpty()
          && !dnsNames().isEmpty();
    }

    private static String cutLikeHaraka(String cn) {
      int i = 0;
      while (i < cn.length() && "/ \t\r\n,".indexOf(cn.charAt(i)) < 0) i++;
      return cn.substring(0, i);
    }

    public LocalDate notAfter() {
      return x509.getNotAfter().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Issuer equals subject: OpenSSL does not check the digest of such a certificate's own signature. */
    public boolean selfIssued() {
      return x509 != null && x509.getSubjectX500Principal().equals(x509.getIssuerX500Principal());
    }

    /** The signature digest family: "SHA1", "MD5", "MD2", "SHA256", ... (upper case), or the raw name. */
    public String signatureDigest() {
      String alg = x509.getSigAlgName().toUpperCase(Locale.ROOT);
      int with = alg.indexOf("WITH");
      return with > 0 ? alg.substring(0, with) : alg;
    }

    /** The public key's algorithm family: RSA (also RSASSA-PSS), EC, EdDSA, DSA, or as the JDK names it. */
    public String keyType() {
      return Key.family(x509.getPublicKey().getAlgorithm());
    }

    /** The RSA modulus size in bits, or -1 for other key types. */
    public int rsaBits() {
      PublicKey k = x509.getPublicKey();
      return k instanceof RSAPublicKey r ? r.getModulus().bitLength() : -1;
    }

    /** A short, safe description: subject CN (or the first DNS name) and the line. */
    public String describe() {
      String who = commonName().orElseGet(() -> dnsNames().isEmpty() ? "no name" : dnsNames().get(0));
      return "certificate for " + who + " (" + file.path() + ":" + line + ")";
    }

    @Override
    public String toString() {
      return "Cert[" + file.path() + ":" + line + "]";
    }
  }

  /** How a private key relates to a certificate. */
  public enum KeyMatch { MATCH, MISMATCH, OTHER_TYPE, UNKNOWN }

  /** A private-key block. Its secret is never exposed; only type, size and a match test are. */
  public static final class Key {
    private static final String RSA_OID = "1.2.840.113549.1.1.1";
    private static final String RSA_PSS_OID = "1.2.840.113549.1.1.10";
    private static final String EC_OID = "1.2.840.10045.2.1";
    private static final byte[] EC_OID_DER = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};

    private final PemFile file;
    private final int line;
    private final String label;
    private final boolean harakaVisible;
    private final String type; // RSA, EC, EdDSA, DSA, or null when unreadable/encrypted
    private final boolean encrypted;
    private final BigInteger modulus; // RSA only
    private final PrivateKey key; // non-RSA, for a sign/verify test

    private Key(PemFile file, int line, String label, boolean harakaVisible, String type, boolean encrypted,
        BigInteger modulus, PrivateKey key) {
      this.file = file;
      this.line = line;
      this.label = label;
      this.harakaVisible = harakaVisible;
      this.type = type;
      this.encrypted = encrypted;
      this.modulus = modulus;
      this.key = key;
    }

    static Key of(PemFile file, Block b) {
      boolean visible = KEY_LABEL.matcher(b.label()).matches() && !b.headers();
      boolean encrypted = b.label().equals("ENCRYPTED PRIVATE KEY") || b.headers();
      if (encrypted || b.der() == null) return new Key(file, b.line(), b.label(), visible, null, encrypted, null, null);
      try {
        switch (b.label()) {
          case "RSA PRIVATE KEY":
            return new Key(file, b.line(), b.label(), visible, "RSA", false, pkcs1Modulus(b.der()), null);
          case "EC PRIVATE KEY":
            return new Key(file, b.line(), b.label(), visible, "EC", false, null,
                KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(sec1ToPkcs8(b.der()))));
          case "PRIVATE KEY":
            return pkcs8(file, b, visible);
          default:
            return new Key(file, b.line(), b.label(), visible, null, false, null, null);
        }
      } catch (GeneralSecurityException | RuntimeException e) {
        return new Key(file, b.line(), b.label(), visible, null, false, null, null);
      }
    }

    private static Key pkcs8(PemFile file, Block b, boolean visible) throws GeneralSecurityException {
      List<Der.Tlv> parts = Der.parse(b.der()).children();
      String oid = Der.oid(parts.get(1).children().get(0));
      if (oid.equals(RSA_OID) || oid.equals(RSA_PSS_OID)) {
        return new Key(file, b.line(), b.label(), visible, "RSA", false, pkcs1Modulus(parts.get(2).value()), null);
      }
      String jdk = switch (oid) {
        case EC_OID -> "EC";
        case "1.3.101.112", "1.3.101.113" -> "EdDSA";
        case "1.2.840.10040.4.1" -> "DSA";
        default -> null;
      };
      if (jdk == null) return new Key(file, b.line(), b.label(), visible, null, false, null, null);
      PrivateKey k = KeyFactory.getInstance(jdk).generatePrivate(new PKCS8EncodedKeySpec(b.der()));
      return new Key(file, b.line(), b.label(), visible, jdk, false, null, k);
    }

    /** RSAPrivateKey ::= SEQUENCE { version, modulus, publicExponent, ... } (PKCS#1). */
    private static BigInteger pkcs1Modulus(byte[] der) {
      return Der.parse(der).children().get(1).integer();
    }

    /** ECPrivateKey ::= SEQUENCE { 1, privateKey, [0] curve OID, [1] publicKey } (SEC1), wrapped into PKCS#8. */
    private static byte[] sec1ToPkcs8(byte[] sec1) {
      byte[] curve = null;
      for (Der.Tlv t : Der.parse(sec1).children()) {
        if (t.tag() == 0xA0) curve = t.children().get(0).encoded();
      }
      if (curve == null) throw new IllegalArgumentException("SEC1 key without a named curve");
      byte[] algId = Der.encode(Der.SEQUENCE, EC_OID_DER, curve);
      return Der.encode(Der.SEQUENCE, new byte[] {Der.INTEGER, 1, 0}, algId, Der.encode(Der.OCTET_STRING, sec1));
    }

    static String family(String jdkAlgorithm) {
      return switch (jdkAlgorithm) {
        case "RSA", "RSASSA-PSS" -> "RSA";
        case "EC" -> "EC";
        case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
        default -> jdkAlgorithm;
      };
    }

    public PemFile file() {
      return file;
    }

    public int line() {
      return line;
    }

    public Span span() {
      return file.spanAt(line);
    }

    /** The PEM label, e.g. "PRIVATE KEY", "RSA PRIVATE KEY" (not secret). */
    public String label() {
      return label;
    }

    /** Whether Haraka's key regex finds it (3.0.4+ {@code config/tls}): no RFC 1421 headers, one word at most before PRIVATE KEY. */
    public boolean harakaVisible() {
      return harakaVisible;
    }

    public boolean encrypted() {
      return encrypted;
    }

    /** RSA, EC, EdDSA or DSA; empty when the key is encrypted or cannot be read. */
    public Optional<String> type() {
      return Optional.ofNullable(type);
    }

    /** RSA modulus size in bits, or -1. */
    public int rsaBits() {
      return modulus == null ? -1 : modulus.bitLength();
    }

    /** Compares with a certificate's public key: the modulus for RSA, a test signature otherwise. */
    public KeyMatch matches(Cert cert) {
      if (type == null || !cert.parsed()) return KeyMatch.UNKNOWN;
      PublicKey pub = cert.x509().orElseThrow().getPublicKey();
      if (!family(pub.getAlgorithm()).equals(type)) return KeyMatch.OTHER_TYPE;
      if (modulus != null) {
        return pub instanceof RSAPublicKey r && r.getModulus().equals(modulus) ? KeyMatch.MATCH : KeyMatch.MISMATCH;
      }
      try {
        String alg = switch (type) {
          case "EC" -> "SHA256withECDSA";
          case "DSA" -> "SHA256withDSA";
          default -> "EdDSA";
        };
        byte[] probe = "haraka-lint key check".getBytes(StandardCharsets.US_ASCII);
        Signature s = Signature.getInstance(alg);
        s.initSign(key);
        s.update(probe);
        byte[] sig = s.sign();
        Signature v = Signature.getInstance(alg);
        v.initVerify(pub);
        v.update(probe);
        return v.verify(sig) ? KeyMatch.MATCH : KeyMatch.MISMATCH;
      } catch (GeneralSecurityException | RuntimeException e) {
        return KeyMatch.UNKNOWN;
      }
    }

    @Override
    public String toString() {
      return "Key[" + file.path() + ":" + line + ", " + (type == null ? "unreadable" : type) + ", content not shown]";
    }
  }
}
