package io.harakalint.rules.ini;

import io.harakalint.model.IniDocument;
import io.harakalint.model.LoadDiagnostic;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import io.harakalint.rules.SecretFiles;
import java.util.Set;

/** See rules/HL101.md. */
public final class IniInvalidLine implements Rule {
  public static final RuleMeta META = new RuleMeta("HL101", "Line that Haraka skips as invalid",
      Severity.MEDIUM, Category.INI, "all", Set.of("ini", "syntax"), false,
      "haraka-config logs \"Invalid line in config file\" and ignores it, so the setting you wrote is not in effect.",
      "Use key=value with a key of letters, digits and _ @ : . + - / [ ] only; put comments on their own line.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    for (IniDocument doc : ctx.tree().iniDocuments()) {
      for (LoadDiagnostic d : doc.diagnostics()) {
        if (d.kind() != LoadDiagnostic.Kind.INVALID_LINE) continue;
        boolean secret = SecretFiles.holdsSecrets(doc.path()) || SecretFiles.isSecretKey(d.detail().strip());
        String shown = secret ? "" : " ('" + d.detail() + "')";
        ctx.report(d.span(), "invalid-line:" + d.detail(),
            "Haraka skips this line as invalid" + shown + ": it is not key=value with a valid key, so nothing on it takes effect.");
      }
    }
  }
}
