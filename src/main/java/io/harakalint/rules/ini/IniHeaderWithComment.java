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

  /** "[main] ; note" becomes "; note" on its own line, then "[main]", with the file's line ending. */
  private static io.harakalint.model.Fix splitHeader(IniDocument doc, int line) {
    io.harakalint.text.SourceFile f = doc.source();
    String text = f.line(line).text();
    int close = text.indexOf(']');
    if (close < 0) return null;
    String header = text.substring(0, close + 1);
    String indent = header.substring(0, header.length() - header.stripLeading().length());
    String comment = text.substring(close + 1).trim();
    String eol = f.lineEnding(line).isEmpty() ? "\n" : f.lineEnding(line);
    return io.harakalint.model.Fix.of("the section " + header.trim() + " opens, so the keys below it move into it from the section above",
        io.harakalint.text.TextEdit.replaceLine(f, line, indent + comment + eol + header));
  }

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
                + "'); the keys that follow stay in the section above.", META.severity(), splitHeader(doc, d.span().line()));
      }
    }
  }
}
