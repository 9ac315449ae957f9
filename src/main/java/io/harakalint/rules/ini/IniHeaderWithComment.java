package io.harakalint.rules.ini;

import io.harakalint.model.IniDocument;
import io.harakalint.model.LoadDiagnostic;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Set;

/** See rules/HL103.md. */
public final class IniHeaderWithComment implements Rule {
  public static final RuleMeta META = new RuleMeta("HL103", "Section header with a trailing comment is not a header",
      Severity.HIGH, Category.INI, "all", Set.of("ini", "section", "comment"), true,
      "A header like \"[main] ; note\" is an invalid line, so the section is never opened and the keys below it land in the previous section.",
      "Put the comment on its own line and leave the header as just [name].");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    for (IniDocument doc : ctx.tree().iniDocuments()) {
      for (LoadDiagnostic d : doc.diagnostics()) {
        if (d.kind() != LoadDiagnostic.Kind.HEADER_WITH_COMMENT) continue;
        ctx.report(d.span(), "header-comment:" + d.detail(),
            "This section header has a comment after it, so Haraka does not open the section ('" + d.detail()
                + "'); the keys that follow stay in the section above.");
      }
    }
  }
}
