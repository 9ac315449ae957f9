package io.harakalint.rules.plugins;

import io.harakalint.model.Fix;
import io.harakalint.model.PluginList;
import io.harakalint.text.TextEdit;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** See rules/HL402.md. */
public final class DuplicatePlugin implements Rule {
  public static final RuleMeta META = new RuleMeta("HL402", "Plugin loaded twice (duplicate or alias)",
      Severity.MEDIUM, Category.PLUGINS, "all", Set.of("plugins", "duplicate", "alias"), true,
      "Haraka does not de-duplicate config/plugins: each line registers every hook again, so checks and headers run twice, rate limits count double, and the second relay check runs after later plugins.",
      "Keep one line per plugin, using its current name (and no haraka-plugin- prefix).");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    Map<String, PluginList.Plugin> seen = new HashMap<>();
    for (PluginList.Plugin p : ctx.tree().plugins().all()) {
      PluginList.Plugin first = seen.putIfAbsent(p.loads(), p);
      if (first == null) continue;
      String how = first.written().value().equals(p.written().value()) ? "is already listed"
          : "loads " + p.loads() + ", which line " + first.line() + " ('" + first.written().value() + "') already loads";
      String where = how.startsWith("is") ? " on line " + first.line() : "";
      Fix fix = ctx.source(p.written().span()).filter(f -> f.path().endsWith("plugins"))
          .map(f -> Fix.of("the plugin's hooks run once, at line " + first.line() + "'s place in the order",
              TextEdit.deleteLine(f, p.line())))
          .orElse(null);
      ctx.report(p.written().span(), "duplicate:" + p.loads() + ":" + p.written().value(),
          "'" + p.written().value() + "' " + how + where + ": its hooks run twice.", META.severity(), fix);
    }
  }
}
