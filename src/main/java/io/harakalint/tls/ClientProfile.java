package io.harakalint.tls;

import java.util.List;
import java.util.Optional;

/**
 * One TLS client as it appears in a ClientHello: the protocols it offers, its suites in its order (OpenSSL
 * names; names absent from {@link CipherTable} are suites Node can never use), TLS 1.3 suites, groups, the DH
 * sizes it accepts ({@code -1}: no limit recorded), whether it needs SHA-2 signatures, whether it sends SNI,
 * and where the facts come from. One entry of {@code clients.json}.
 */
public record ClientProfile(String id, String name, List<TlsProtocol> protocols, List<String> suites,
    List<String> tls13Suites, List<String> groups, int minDhBits, int maxDhBits, boolean requiresSha2, boolean sni,
    String source, Optional<String> testssl, Optional<String> basedOn, boolean sslv2Hello) {

  public TlsProtocol maxProtocol() {
    return protocols.get(protocols.size() - 1);
  }

  public boolean offers(TlsProtocol p) {
    return protocols.contains(p);
  }
}
