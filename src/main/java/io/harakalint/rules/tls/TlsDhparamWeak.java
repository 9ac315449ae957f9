package io.harakalint.rules.tls;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.Located;
import io.harakalint.model.PemFile;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Optional;
import java.util.Set;

/** See rules/HL312.md. */
public final class TlsDhparamWeak implements Rule {
  public static final RuleMeta META = new RuleMeta("HL312", "DH parameters under 2048 bits",
      Severity.HIGH, Category.TLS_AUTH, "all", Set.of("tls", "dhparam", "startup"), false,
      "Every DHE handshake uses the dhparam prime: under 2048 bits it is within reach of well-funded attackers (Logjam), Node warns 'DH parameter is less than 2048 bits', Node 24.5 and later refuse it at start-up unless ciphers lowers @SECLEVEL, and under 1024 bits every Node refuses it, so Haraka exits at start-up.",
      "Delete the file and let Haraka generate a 2048-bit one at its next start (openssl dhparam 2048, written to config/), or generate it yourself with 'openssl dhparam -out dhparams.pem 2048'.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    Located<String> name = tree.tlsMaterial().dhparamName();
    Optional<PemFile> file = tree.tlsMaterial().pem(name.value());
    if (ConfigTree.isOutside(name.value()) && file.isEmpty()) return; // outside the tree and not allowed: not read
    boolean built = TlsReadiness.missingKeyMaterial(tree).isEmpty();
    if (file.isEmpty()) {
      boolean tlsUsed = tree.plugins().loads("tls") || TlsReadiness.hasSmtpsListener(tree);
      if (built && tlsUsed) {
        ctx.report(name.span(), "dhparam:missing",
            tree.pathOf(name.value()) + " does not exist: at its first start Haraka's master process runs 'openssl dhparam -out "
                + name.value() + " 2048', which needs openssl on the PATH and write access to the config folder.",
            Severity.INFO);
      }
      return;
    }
    Optional<PemFile.DhParams> dh = file.get().dhParams().stream().findFirst();
    if (dh.isEmpty() || dh.get().primeBits() < 0) return; // not readable DH parameters: nothing to measure
    PemFile.DhParams p = dh.get();
    String where = file.get().path();
    if (p.primeBits() < 1024) {
      ctx.report(file.get().spanAt(p.line()), "dhparam:size",
          where + " holds a " + p.primeBits() + "-bit DH prime: Node refuses anything under 1024 bits ('DH parameter is less"
              + " than 1024 bits')" + (built ? ", and Haraka exits at start-up." : " as soon as the key and certificate are in place."),
          built ? Severity.CRITICAL : Severity.HIGH);
    } else if (p.primeBits() < 2048) {
      ctx.report(file.get().spanAt(p.line()), "dhparam:size",
          where + " holds a " + p.primeBits() + "-bit DH prime: DHE sessions get less than 2048-bit strength, Node logs"
              + " 'DH parameter is less than 2048 bits', and Node 24.5 and later refuse it at start-up unless ciphers sets"
              + " @SECLEVEL=1 or lower.");
    } else if (p.x942()) {
      ctx.report(file.get().spanAt(p.line()), "dhparam:x942",
          where + " holds X9.42 DH parameters (openssl dhparam -dsaparam): recent Node releases ignore them without a"
              + " warning, so DHE cipher suites are silently unavailable.", Severity.LOW);
    }
  }
}
