package io.harakalint.rules.certs;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.PemFile;
import io.harakalint.model.TlsMaterial;
import io.harakalint.rules.tls.TlsReadiness;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The certificates TLS serves, as the cert rules need them. */
final class CertFacts {
  private CertFacts() {}

  /**
   * A certificate Haraka serves: a default leaf ({@code tls.ini cert}), or the certificate of
   * {@code config/tls} SNI names that have both a key and a certificate ({@code names}).
   */
  record Served(PemFile.Cert cert, boolean sni, List<String> names) {
    String what() {
      return sni ? "the config/tls certificate for " + String.join(", ", names) : "the default certificate";
    }
  }

  static List<Served> served(ConfigTree tree) {
    TlsMaterial m = tree.tlsMaterial();
    Map<PemFile.Cert, Served> out = new IdentityHashMap<>();
    List<PemFile.Cert> order = new ArrayList<>();
    for (PemFile.Cert c : m.defaultLeaves()) {
      if (c.parsed() && !out.containsKey(c)) {
        out.put(c, new Served(c, false, List.of()));
        order.add(c);
      }
    }
    for (TlsMaterial.SniEntry e : m.sniEntries()) {
      if (!e.loaded() || !e.cert().get().parsed()) continue;
      PemFile.Cert c = e.cert().get();
      Served s = out.get(c);
      if (s == null) {
        out.put(c, new Served(c, true, new ArrayList<>(List.of(e.name()))));
        order.add(c);
      } else if (s.sni()) {
        s.names().add(e.name());
      }
    }
    List<Served> list = new ArrayList<>();
    for (PemFile.Cert c : order) list.add(out.get(c));
    return list;
  }

  /** tls_socket.js load_default_opts creates the default context only when the key and certificate were loaded. */
  static boolean defaultContextBuilt(ConfigTree tree) {
    return TlsReadiness.missingKeyMaterial(tree).isEmpty();
  }
}
