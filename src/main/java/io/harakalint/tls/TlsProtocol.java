package io.harakalint.tls;

import java.util.Optional;

/** TLS protocol versions as OpenSSL and Node name them, ordered by wire version. */
public enum TlsProtocol {
  SSLv3(0x0300, "SSLv3"),
  TLSv1(0x0301, "TLSv1"),
  TLSv1_1(0x0302, "TLSv1.1"),
  TLSv1_2(0x0303, "TLSv1.2"),
  TLSv1_3(0x0304, "TLSv1.3");

  private final int wire;
  private final String label;

  TlsProtocol(int wire, String label) {
    this.wire = wire;
    this.label = label;
  }

  public int wire() {
    return wire;
  }

  /** The name Node's {@code minVersion} and OpenSSL's {@code -v} output use ({@code TLSv1.2}). */
  public String label() {
    return label;
  }

  public boolean atLeast(TlsProtocol other) {
    return wire >= other.wire;
  }

  /** The label as Node's {@code minVersion} accepts it (case-sensitive; {@code SSLv3} is not accepted). */
  public static Optional<TlsProtocol> ofNodeName(String s) {
    for (TlsProtocol p : values()) if (p != SSLv3 && p.label.equals(s)) return Optional.of(p);
    return Optional.empty();
  }

  /** {@code SSLv3}, {@code TLSv1}, {@code TLSv1.0}, {@code TLSv1.2}, ... as written in data files. */
  public static TlsProtocol parse(String s) {
    if (s.equals("TLSv1.0")) return TLSv1;
    for (TlsProtocol p : values()) if (p.label.equals(s)) return p;
    throw new IllegalArgumentException("unknown protocol " + s);
  }

  @Override
  public String toString() {
    return label;
  }
}
