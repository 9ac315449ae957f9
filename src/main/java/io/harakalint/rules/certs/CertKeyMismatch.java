package io.harakalint.rules.certs;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.Located;
import io.harakalint.model.PemFile;
import io.harakalint.model.TlsMaterial;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** See rules/HL350.md. */
public final class CertKeyMismatch implements Rule {
  public static final RuleMeta META = new RuleMeta("HL350", "Private key does not belong to the certificate",
      Severity.CRITICAL, Category.CERTIFICATES, "all", Set.of("tls", "certificate", "key", "startup"), false,
      "Node checks that the key and the certificate form a pair: for the default pair a mismatch throws 'key values mismatch' while Haraka loads tls.ini and Haraka exits at start-up; a key of another type (RSA key, EC certificate) loads but every handshake fails; in config/tls the name is logged and skipped, so SNI clients get the default certificate.",
      "Put the key that was generated with this certificate next to it (compare 'openssl x509 -noout -pubkey -in cert.pem' with 'openssl pkey -pubout -in key.pem'), or reissue the certificate for the key you have.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    TlsMaterial m = tree.tlsMaterial();
    checkDefault(ctx, tree, m);
    Map<PemFile.Cert, List<String>> reported = new IdentityHashMap<>();
    for (TlsMaterial.SniEntry e : m.sniEntries()) {
      if (!e.loaded()) continue;
      PemFile.Cert cert = e.cert().get();
      PemFile.KeyMatch r = e.key().get().matches(cert);
      if (r == PemFile.KeyMatch.MATCH || r == PemFile.KeyMatch.UNKNOWN) continue;
      reported.computeIfAbsent(cert, c -> new ArrayList<>()).add(e.name());
      if (reported.get(cert).size() > 1) continue;
      String keyAt = e.key().get().file().path() + ":" + e.key().get().line();
      if (r == PemFile.KeyMatch.MISMATCH) {
        ctx.report(cert.span(), "sni-mismatch:" + cert.file().name(),
            "The key Haraka pairs with this certificate for '" + e.name() + "' (" + keyAt + ") belongs to another certificate:"
                + " Haraka logs \"CN '" + e.name() + "' loading got: ... key values mismatch\" and serves the default"
                + " certificate to clients asking for it.", Severity.MEDIUM);
      } else {
        ctx.report(cert.span(), "sni-mismatch:" + cert.file().name(),
            "The key Haraka pairs with this " + cert.keyType() + " certificate for '" + e.name() + "' (" + keyAt + ") is "
                + e.key().get().type().orElse("another type") + ": the context loads, but every handshake for that name fails.",
            Severity.HIGH);
      }
    }
  }

  private static void checkDefault(RuleContext ctx, ConfigTree tree, TlsMaterial m) {
    // Only when every key file is in the tree and readable: a key elsewhere may be the right one.
    List<Located<String>> keyNames = tree.tls().keyFiles();
    if (keyNames.isEmpty() || keyNames.stream().anyMatch(k -> m.pem(k.value()).isEmpty())) return;
    List<PemFile.Key> keys = m.defaultKeys();
    if (keys.isEmpty() || keys.stream().anyMatch(k -> k.type().isEmpty())) return;
    boolean built = CertFacts.defaultContextBuilt(tree);
    for (PemFile.Cert leaf : m.defaultLeaves()) {
      if (!leaf.parsed()) continue;
      boolean sameType = false;
      boolean match = false;
      for (PemFile.Key k : keys) {
        PemFile.KeyMatch r = k.matches(leaf);
        match |= r == PemFile.KeyMatch.MATCH;
        sameType |= r == PemFile.KeyMatch.MISMATCH;
        if (r == PemFile.KeyMatch.UNKNOWN) return;
      }
      if (match) continue;
      String keyFiles = String.join(", ", m.defaultKeyFiles().stream().map(PemFile::path).toList());
      if (sameType) {
        ctx.report(leaf.span(), "default-mismatch:" + leaf.file().name(),
            "The private key in " + keyFiles + " does not belong to this certificate: Node throws 'key values mismatch' when"
                + " Haraka loads tls.ini" + (built ? ", and Haraka exits at start-up." : "."),
            built ? Severity.CRITICAL : Severity.HIGH);
      } else {
        ctx.report(leaf.span(), "default-mismatch:" + leaf.file().name(),
            "This is a " + leaf.keyType() + " certificate, but " + keyFiles + " holds no " + leaf.keyType() + " key: Haraka"
                + " starts, but every TLS handshake that would use this certificate fails ('no suitable signature algorithm').",
            Severity.HIGH);
      }
    }
  }
}
