package io.harakalint.rules.certs;

import io.harakalint.model.PemFile;
import io.harakalint.model.TlsMaterial;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/** See rules/HL357.md. */
public final class SniChainMissing implements Rule {
  public static final RuleMeta META = new RuleMeta("HL357", "config/tls certificate is served without its own intermediates",
      Severity.MEDIUM, Category.CERTIFICATES, ">= 3.0.4", Set.of("tls", "sni", "certificate", "chain"), false,
      "For config/tls Haraka keeps only the first certificate of each file (chain[0]), so the intermediates in the bundle are never sent; in a handshake Node then sends the default certificate's chain instead, and clients that verify cannot build a path to a trusted root unless that chain happens to hold this certificate's issuer.",
      "Serve a CA-issued certificate as the default one (tls.ini cert= keeps the whole chain), or make sure the default chain contains the same intermediate (for Let's Encrypt, certificates issued by the same intermediate).");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    TlsMaterial m = ctx.tree().tlsMaterial();
    boolean defaultKnown = m.defaultCertsAllInTree();
    List<X500Principal> defaultChain = new ArrayList<>();
    int defaultChainCount = 0;
    for (PemFile f : m.defaultCertFiles()) {
      List<PemFile.Cert> certs = f.certificates();
      for (PemFile.Cert c : certs.subList(Math.min(1, certs.size()), certs.size())) {
        defaultChainCount++;
        c.x509().ifPresent(x -> defaultChain.add(x.getSubjectX500Principal()));
      }
    }
    for (CertFacts.Served s : CertFacts.served(ctx.tree())) {
      if (!s.sni() || s.cert().selfIssued()) continue;
      X500Principal issuer = s.cert().x509().get().getIssuerX500Principal();
      if (defaultChain.contains(issuer)) continue;
      int own = s.cert().file().certificates().size() - 1;
      String ownText = own > 0 ? "the " + own + " intermediate certificate" + (own == 1 ? "" : "s") + " in this file" + (own == 1 ? " is" : " are")
          + " never sent" : "this file holds no intermediate, and Haraka would not send one anyway";
      String issuerName = issuerCn(s.cert());
      if (defaultKnown) {
        String instead = defaultChainCount == 0 ? "the default certificate has no chain either, so clients get this certificate"
            + " alone" : "clients get the default certificate's chain instead, which does not include " + issuerName;
        ctx.report(s.cert().span(), "sni-chain:" + s.cert().file().name(), "Haraka serves only the first certificate of this"
            + " file for " + String.join(", ", s.names()) + ": " + ownText + ", and " + instead
            + "; clients that verify cannot build a chain to a trusted root.");
      } else {
        ctx.report(s.cert().span(), "sni-chain:" + s.cert().file().name(), "Haraka serves only the first certificate of this"
            + " file for " + String.join(", ", s.names()) + ": " + ownText + "; clients get the chain of the default certificate"
            + " (outside the tree), which works only if it holds " + issuerName + ".", Severity.LOW);
      }
    }
  }

  private static String issuerCn(PemFile.Cert c) {
    String dn = c.x509().get().getIssuerX500Principal().getName();
    try {
      for (javax.naming.ldap.Rdn rdn : new javax.naming.ldap.LdapName(dn).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) return "its issuer '" + rdn.getValue() + "'";
      }
    } catch (javax.naming.InvalidNameException e) {
      return "its issuer";
    }
    return "its issuer";
  }
}
