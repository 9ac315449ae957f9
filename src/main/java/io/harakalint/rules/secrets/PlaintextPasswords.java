package io.harakalint.rules.secrets;

import io.harakalint.model.AuthFlatFile;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Set;

/** See rules/HL501.md. */
public final class PlaintextPasswords implements Rule {
  public static final RuleMeta META = new RuleMeta("HL501", "Cleartext passwords in auth_flat_file.ini",
      Severity.MEDIUM, Category.SECRETS, "all", Set.of("secrets", "auth", "flat_file"), false,
      "auth_flat_file.ini stores passwords in clear text: anyone who can read the config tree, its backups or its git history can send mail as these users.",
      "Keep the file out of version control and readable only by Haraka's user, or move to auth-ldap or auth/auth_proxy so no password lives in the tree.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    for (AuthFlatFile.User u : ctx.tree().authFlatFile().users()) {
      if (u.password().isEmpty()) continue;
      ctx.report(u.name().span(), "plaintext-password:" + u.name().value(),
          "User '" + u.name().value() + "' has a cleartext password in this file (value not shown).");
    }
  }
}
