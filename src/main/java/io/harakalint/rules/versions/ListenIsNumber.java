package io.harakalint.rules.versions;

import io.harakalint.model.IniProperty;
import io.harakalint.model.IniValue;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Optional;
import java.util.Set;

/** See rules/HL602.md. */
public final class ListenIsNumber implements Rule {
  public static final RuleMeta META = new RuleMeta("HL602", "smtp.ini listen written as a bare port stops Haraka",
      Severity.CRITICAL, Category.VERSIONS, "all", Set.of("versions", "startup", "smtp.ini"), false,
      "haraka-config types listen=2525 as the number 2525, and server.js calls cfg.listen.split(): Haraka exits at start-up with \"cfg.listen.split is not a function\".",
      "Write an address and port, such as listen=[::0]:2525 (or 0.0.0.0:2525).");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    Optional<IniProperty> listen = ctx.tree().smtp().listen();
    if (listen.isEmpty() || !(listen.get().value() instanceof IniValue.Num n) || n.value() == 0) return;
    ctx.report(listen.get().span(), "listen-number",
        "listen=" + n + " is read as a number, not text: server.js calls cfg.listen.split() and Haraka exits at start-up "
            + "(\"cfg.listen.split is not a function\"). Write listen=[::0]:" + n + ".");
  }
}
