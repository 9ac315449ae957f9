package io.harakalint.rules.certs;

import io.harakalint.model.ConfigTree;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Set;

/** See rules/HL355.md. */
public final class CertWeakSignature implements Rule {
  public static final RuleMeta META = new RuleMeta("HL355", "Certificate signed with SHA-1 or MD5",
      Severity.HIGH, Category.CERTIFICATES, "all", Set.of("tls", "certificate", "sha1", "startup"), false,
      "SHA-1 and MD5 signatures can be forged (chosen-prefix collisions), so clients refuse them; Node 17 and later (OpenSSL 3, which every Haraka from 3.1.2 runs on) refuse to load a CA-issued certificate signed that way ('ca md too weak'), so with it as the default certificate Haraka exits at start-up.",
      "Have the certificate reissued with a SHA-256 signature (every public CA does this by default); for a self-signed certificate, regenerate it with 'openssl req -x509 -sha256 ...'.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    boolean built = CertFacts.defaultContextBuilt(tree);
    // Haraka 3.1.2 and later require Node >= 20, whose OpenSSL 3 puts SHA-1 and MD5 below security level 1.
    boolean openssl3 = tree.harakaVersion().atLeast(3, 1, 2);
    for (CertFacts.Served s : CertFacts.served(tree)) {
      String digest = s.cert().signatureDigest();
      if (!digest.equals("SHA1") && !digest.equals("MD5") && !digest.equals("MD2")) continue;
      String anchor = "weak-signature:" + s.cert().file().name();
      String head = CertExpiry.capitalize(s.what()) + " is signed with " + (digest.equals("SHA1") ? "SHA-1" : digest);
      if (s.cert().selfIssued()) {
        ctx.report(s.cert().span(), anchor, head + "; it is self-signed, so nothing checks that signature, but reissue it"
            + " with SHA-256 when you replace it.", Severity.LOW);
      } else if (s.sni()) {
        ctx.report(s.cert().span(), anchor, head + ": Node 17 and later refuse it ('ca md too weak'), so Haraka logs the"
            + " error and serves the default certificate for those names.", Severity.MEDIUM);
      } else if (openssl3 && built) {
        ctx.report(s.cert().span(), anchor, head + ": Node refuses to load it ('ca md too weak') and Haraka exits at start-up.",
            Severity.CRITICAL);
      } else {
        ctx.report(s.cert().span(), anchor, head + ": clients refuse it, and on Node 17 and later Haraka cannot load it"
            + " ('ca md too weak').");
      }
    }
  }
}
