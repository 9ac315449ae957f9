package io.harakalint.rules.tls;

import io.harakalint.model.AuthFlatFile;
import io.harakalint.model.Located;
import io.harakalint.model.PluginList;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Optional;
import java.util.Set;

/** See rules/HL302.md. */
public final class FlatFilePlaintextAuth implements Rule {
  public static final RuleMeta META = new RuleMeta("HL302", "auth/flat_file offers AUTH in clear text to private networks",
      Severity.MEDIUM, Category.TLS_AUTH, "all", Set.of("auth", "plaintext", "flat_file"), false,
      "auth/flat_file advertises AUTH without TLS to any client Haraka calls private (127/8, 10/8, 172.16/12, 192.168/16, fc00::/7 and the TEST-NETs), so PLAIN and LOGIN passwords cross the internal network in clear text; there is no setting to turn this off.",
      "Prefer an AUTH plugin that always requires TLS (auth-ldap, auth/auth_proxy); if auth/flat_file stays, set [core] methods=CRAM-MD5 so no password crosses the network in clear text.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    Optional<PluginList.Plugin> flat = ctx.tree().plugins().find("auth/flat_file");
    if (flat.isEmpty()) return;
    AuthFlatFile cfg = ctx.tree().authFlatFile();
    // Haraka's package ships auth_flat_file.ini with methods=CRAM-MD5 as a defaults layer (reference §1.2).
    String methods = cfg.methods().map(Located::value).orElse("CRAM-MD5");
    boolean clear = false;
    for (String m : methods.split(",")) clear |= m.equals("PLAIN") || m.equals("LOGIN");
    if (clear) {
      ctx.report(flat.get().written().span(), "flat-file-plaintext",
          "auth/flat_file with methods=" + methods + " offers AUTH without TLS to private and loopback clients:"
              + " their passwords cross the network in clear text.", Severity.MEDIUM);
    } else {
      ctx.report(flat.get().written().span(), "flat-file-plaintext",
          "auth/flat_file offers AUTH (" + methods + ") without TLS to private and loopback clients; CRAM-MD5 hides the"
              + " password, but the session is not encrypted.", Severity.INFO);
    }
  }
}
