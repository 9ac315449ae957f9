package io.harakalint.rules.secrets;

import io.harakalint.model.AuthFlatFile;
import io.harakalint.model.IniValue;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Set;

/** See rules/HL503.md. */
public final class NumericPassword implements Rule {
  public static final RuleMeta META = new RuleMeta("HL503", "Numeric password in auth_flat_file.ini changes when Haraka reads it",
      Severity.MEDIUM, Category.SECRETS, "all", Set.of("secrets", "auth", "flat_file", "ini"), false,
      "haraka-config turns a value made only of digits (with an optional fraction) into a JavaScript number: leading zeros, trailing fraction zeros and digits beyond double precision are lost, and 0 counts as no password, so AUTH with the password as written fails.",
      "Use a password that is not a number (any letter or symbol keeps it a string), and change it for the user.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    boolean listed = ctx.tree().plugins().loads("auth/flat_file");
    for (AuthFlatFile.User u : ctx.tree().authFlatFile().users()) {
      if (!(u.property().value() instanceof IniValue.Num n)) continue;
      String raw = u.password().reveal();
      if (raw == null) continue;
      String user = u.name().value();
      String msg;
      if (n.value() == 0) {
        msg = "The password of user '" + user + "' is read as the number 0, which flat_file treats as no password: the user cannot log in.";
      } else if (!JsNumberText.of(n.value()).equals(raw)) {
        msg = "The password of user '" + user + "' is read as a number and changes (leading zeros, trailing zeros or precision are lost): "
            + "AUTH with the password as written fails.";
      } else {
        continue; // read back unchanged: only weak, which HL501's review covers
      }
      ctx.report(u.name().span(), "numeric-password:" + user, msg, listed ? Severity.MEDIUM : Severity.LOW);
    }
  }
}
