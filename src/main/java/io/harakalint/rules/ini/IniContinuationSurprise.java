package io.harakalint.rules.ini;

import io.harakalint.model.IniDocument;
import io.harakalint.model.LoadDiagnostic;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Set;

/** See rules/HL104.md. */
public final class IniContinuationSurprise implements Rule {
  public static final RuleMeta META = new RuleMeta("HL104", "Line continuation that swallows or drops text",
      Severity.MEDIUM, Category.INI, "all", Set.of("ini", "continuation"), false,
      "A trailing backslash joins the next key line to this one: at the end of the file the text is dropped, and across a section header it is glued onto the next key in the new section.",
      "Remove the trailing backslash, or finish the continued value before the next section header.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    for (IniDocument doc : ctx.tree().iniDocuments()) {
      for (LoadDiagnostic d : doc.diagnostics()) {
        if (d.kind() == LoadDiagnostic.Kind.DANGLING_CONTINUATION) {
          ctx.report(d.span(), "dangling-continuation",
              "This line ends with '\\' and no key line follows before the end of the file: Haraka silently drops it.");
        } else if (d.kind() == LoadDiagnostic.Kind.HEADER_IN_CONTINUATION) {
          ctx.report(d.span(), "header-in-continuation:" + d.detail(),
              "A section header interrupts a continued line: the text before it is glued onto the next key line, in the new section.");
        }
      }
    }
  }
}
