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
  /** The inbound options as tls_socket.js reads them ([*] over [main]) and the tree's dhparam size. */
  public static ServerTlsConfig fromTree(io.harakalint.model.ConfigTree tree) {
    io.harakalint.model.TlsIni tls = tree.tls();
    Optional<String> min = text(tls.inbound("minVersion"));
    Optional<String> ciphers = text(tls.inbound("ciphers"));
    Optional<String> secureProtocol = text(tls.inbound("secureProtocol"));
    // Haraka's default is true; a declared boolean arrives typed, anything else as text.
    boolean honor = tls.inbound("honorCipherOrder").map(p -> p.value() instanceof io.harakalint.model.IniValue.Bool b ? b.value()
        : !java.util.List.of("false", "0", "").contains(p.value().toString())).orElse(true);
    // The dhparam file's prime size; 2048 when it is missing (Haraka generates one with openssl dhparam 2048).
    int dh = tree.tlsMaterial().pem(tree.tlsMaterial().dhparamName().value())
        .flatMap(f -> f.dhParams().stream().findFirst()).map(io.harakalint.model.PemFile.DhParams::primeBits).orElse(2048);
    return new ServerTlsConfig(min, ciphers, secureProtocol, honor, dh);
  }

  private static Optional<String> text(Optional<io.harakalint.model.IniProperty> p) {
    return p.filter(x -> !(x.value() instanceof io.harakalint.model.IniValue.Undefined)).map(x -> x.value().toString());
  }

  public ServerTlsConfig withMinVersion(String v) {
    return new ServerTlsConfig(Optional.of(v), ciphers, secureProtocol, honorCipherOrder, dhBits);
  }

  public ServerTlsConfig withCiphers(String c) {
    return new ServerTlsConfig(minVersion, Optional.of(c), secureProtocol, honorCipherOrder, dhBits);
  }

  public static ServerTlsConfig harakaDefaults() {
    return new ServerTlsConfig(Optional.empty(), Optional.empty(), Optional.empty(), true, 2048);
  }
}
