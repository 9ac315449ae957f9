package io.harakalint.rules.plugins;

import io.harakalint.model.IniProperty;
import io.harakalint.model.IniValue;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Optional;
import java.util.Set;

/** See rules/HL404.md. */
public final class IgnoreBadPluginsTruthy implements Rule {
  public static final RuleMeta META = new RuleMeta("HL404", "ignore_bad_plugins lets Haraka run without a broken plugin",
      Severity.MEDIUM, Category.PLUGINS, "all", Set.of("plugins", "boolean", "startup"), true,
      "ignore_bad_plugins is not a declared boolean: any non-empty text, even \"false\" or \"no\", turns it on, and then a misspelt or missing plugin is skipped with one log line, so the server runs without that check (for example without recipient validation or AUTH).",
      "Delete the line (or set ignore_bad_plugins=0) so Haraka refuses to start with a plugin it cannot load.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    Optional<IniProperty> p = ctx.tree().smtp().ignoreBadPlugins();
    if (p.isEmpty() || !p.get().value().isTruthy()) return;
    IniValue v = p.get().value();
    boolean looksOff = v instanceof IniValue.Str s && s.value().matches("(?i)false|no|off|disabled");
    ctx.report(p.get().span(), "ignore-bad-plugins",
        looksOff
            ? "ignore_bad_plugins=" + v + " is the string \"" + v + "\", which is truthy: it turns the setting ON, so a plugin that fails to load is skipped silently."
            : "ignore_bad_plugins=" + v + " is on: a plugin that fails to load is skipped with one log line and the server runs without it.",
        looksOff ? Severity.HIGH : Severity.MEDIUM,
        p.get().entry() == null || p.get().entry().continued() ? null : ctx.source(p.get().span()).filter(f -> f.path().endsWith(".ini"))
            .map(f -> io.harakalint.model.Fix.of("Haraka refuses to start when a listed plugin cannot be loaded, instead of running without it",
                io.harakalint.text.TextEdit.deleteLine(f, p.get().entry().startLine())))
            .orElse(null));
  }
}
