package io.harakalint.rules.plugins;

import io.harakalint.model.Fix;
import io.harakalint.model.PluginList;
import io.harakalint.text.TextEdit;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Set;

/** See rules/HL403.md. */
public final class DeprecatedPluginName implements Rule {
  public static final RuleMeta META = new RuleMeta("HL403", "Deprecated plugin name",
      Severity.LOW, Category.PLUGINS, "all", Set.of("plugins", "alias", "upgrade"), true,
      "Haraka maps the old name to its replacement and logs a notice at every start; the old plugin's config file is not migrated, so its settings may silently stop applying (e.g. relay_all becomes relay with all=false).",
      "Write the new name in config/plugins and move the old plugin's settings to the new plugin's config file.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    for (PluginList.Plugin p : ctx.tree().plugins().all()) {
      if (!p.isAlias()) continue;
      // Renaming to a plugin that is already listed would make a duplicate: HL402 removes the line instead.
      boolean targetListed = ctx.tree().plugins().all().stream().anyMatch(q -> q != p && q.name().equals(p.loads()));
      Fix fix = targetListed ? null : ctx.source(p.written().span()).filter(f -> f.path().endsWith("plugins"))
          .map(f -> Fix.of("the same plugin loads without the deprecation notice; move the old plugin's settings to '"
              + p.loads() + "''s config file", new TextEdit(f.path(), p.line(), p.written().span().column(), p.line(),
              p.written().span().column() + p.written().value().length(), p.loads())))
          .orElse(null);
      ctx.report(p.written().span(), "deprecated:" + p.name(),
          "'" + p.name() + "' is a deprecated name: Haraka loads '" + p.loads() + "' instead"
              + p.catalog().map(e -> " (" + e.history() + ")").orElse("") + ".", META.severity(), fix);
    }
  }
}
