package io.harakalint.rules.ini;

import io.harakalint.model.LoadDiagnostic;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Set;

/** See rules/HL107.md. */
public final class FileNotReadable implements Rule {
  public static final RuleMeta META = new RuleMeta("HL107", "Config file that cannot be read as text",
      Severity.MEDIUM, Category.INI, "all", Set.of("ini", "encoding", "input"), false,
      "A file haraka-lint cannot read is not checked, and Haraka itself may not read it as intended: a link out of the tree, a binary file or bad UTF-8 where text is expected.",
      "Make the file readable UTF-8 text inside the config tree, or pass its folder explicitly if it really lives elsewhere.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    for (LoadDiagnostic d : ctx.tree().diagnostics()) {
      Severity sev = switch (d.kind()) {
        case INVALID_UTF8 -> Severity.LOW;
        // An absolute key path outside the tree is normal on a server; a relative one stops Haraka.
        case OUTSIDE_TREE -> d.detail().contains("Haraka does not start") ? Severity.HIGH : Severity.INFO;
        default -> Severity.MEDIUM;
      };
      ctx.report(d.span(), "unreadable:" + d.kind(), d.span().file() + " " + d.detail() + ".", sev);
    }
  }
}
