package io.harakalint.rules.certs;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.PemFile;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Set;

/** See rules/HL354.md. */
public final class CertRsaKeySmall implements Rule {
  public static final RuleMeta META = new RuleMeta("HL354", "RSA key under 2048 bits",
      Severity.HIGH, Category.CERTIFICATES, "all", Set.of("tls", "certificate", "key-size", "startup"), false,
      "An RSA key under 2048 bits can be factored by well-funded attackers; OpenSSL 3.2+ clients (security level 2) refuse it, Node 24.5 and later refuse to load it (ERR_SSL_EE_KEY_TOO_SMALL) so Haraka exits at start-up, and under 1024 bits every Node refuses it.",
      "Generate a new key of at least 2048 bits (or an EC P-256 key) and have the certificate reissued for it: 'openssl req -new -newkey rsa:2048 ...'.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    boolean built = CertFacts.defaultContextBuilt(tree);
    for (CertFacts.Served s : CertFacts.served(tree)) {
      int bits = s.cert().rsaBits();
      if (bits < 0 || bits >= 2048) continue;
      String anchor = "rsa-size:" + s.cert().file().name();
      String head = CertExpiry.capitalize(s.what()) + " has a " + bits + "-bit RSA key";
      if (bits >= 1024) {
        ctx.report(s.cert().span(), anchor, head + ": OpenSSL 3.2+ clients refuse it, and on Node 24.5 and later Haraka"
            + (s.sni() ? " cannot load it." : " exits at start-up (ERR_SSL_EE_KEY_TOO_SMALL)."));
      } else if (s.sni()) {
        ctx.report(s.cert().span(), anchor, head + ": Node refuses it ('ee key too small'), so Haraka logs the error and"
            + " serves the default certificate for those names.", Severity.MEDIUM);
      } else {
        ctx.report(s.cert().span(), anchor, head + ": Node refuses it ('ee key too small')"
            + (built ? " and Haraka exits at start-up." : " as soon as the key is in place."),
            built ? Severity.CRITICAL : Severity.HIGH);
      }
    }
    if (tree.tlsMaterial().defaultLeaves().isEmpty()) {
      // Only the key is in the tree (the certificate is elsewhere): judge the key itself.
      for (PemFile.Key k : tree.tlsMaterial().defaultKeys()) {
        if (k.rsaBits() > 0 && k.rsaBits() < 2048) {
          ctx.report(k.span(), "rsa-size:" + k.file().name(), "The default private key is a " + k.rsaBits()
              + "-bit RSA key (content not shown): clients and newer Node releases refuse keys under 2048 bits.");
        }
      }
    }
  }
}
