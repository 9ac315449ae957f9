package io.harakalint.tls;

/**
 * One TLS cipher suite with the attributes OpenSSL's cipher-string aliases select on (one row of
 * {@code ciphers.tsv}). {@code kx}, {@code au}, {@code enc}, {@code mac} are OpenSSL's {@code -v} names
 * ({@code ECDH} is ephemeral ECDHE, {@code DH} is DHE, {@code None} is anonymous); {@code bits} is the
 * strength in bits; {@code order} is OpenSSL's tie-break order.
 */
public record CipherSuite(int order, String name, String stdName, int id, TlsProtocol minTls, String kx, String au,
    String enc, int bits, String mac, String strength, boolean fips, boolean notDefault) {

  public boolean tls13() {
    return minTls == TlsProtocol.TLSv1_3;
  }

  /** Usable in TLS 1.0/1.1 (OpenSSL: minimum protocol SSLv3 or TLSv1). */
  public boolean legalBelowTls12() {
    return !minTls.atLeast(TlsProtocol.TLSv1_2);
  }

  public boolean forwardSecret() {
    return tls13() || kx.equals("DH") || kx.equals("ECDH") || kx.equals("DHEPSK") || kx.equals("ECDHEPSK");
  }

  public boolean dhe() {
    return kx.equals("DH") || kx.equals("DHEPSK");
  }

  public boolean ecdhe() {
    return kx.equals("ECDH") || kx.equals("ECDHEPSK");
  }

  /** Key exchange as a short label: {@code ECDHE}, {@code DHE}, {@code RSA}, ... */
  public String kxLabel() {
    if (tls13()) return "TLS1.3";
    return switch (kx) {
      case "ECDH" -> "ECDHE";
      case "DH" -> "DHE";
      default -> kx;
    };
  }
}
