package io.harakalint.tls;

import java.util.Optional;

/**
 * The inbound TLS options Haraka passes to Node from {@code tls.ini} ({@code [*]} over {@code [main]}), as plain
 * values: {@code minVersion}, {@code ciphers}, {@code secureProtocol} as written (empty when unset),
 * {@code honorCipherOrder} (Haraka default true) and the dhparam size (Haraka generates 2048 bits when the file is
 * missing). The certificate is assumed to be RSA.
 */
public record ServerTlsConfig(Optional<String> minVersion, Optional<String> ciphers, Optional<String> secureProtocol,
    boolean honorCipherOrder, int dhBits) {
  public static ServerTlsConfig harakaDefaults() {
    return new ServerTlsConfig(Optional.empty(), Optional.empty(), Optional.empty(), true, 2048);
  }
}
