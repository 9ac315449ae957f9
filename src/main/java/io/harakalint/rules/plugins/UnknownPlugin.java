package io.harakalint.rules.plugins;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.PluginCatalog;
import io.harakalint.model.PluginList;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Optional;
import java.util.Set;

/** See rules/HL401.md. */
public final class UnknownPlugin implements Rule {
  // config/plugins has no inline comments: a space then '#' or ';' is part of the name.
  private static final java.util.regex.Pattern INLINE_COMMENT = java.util.regex.Pattern.compile(".*\\s[#;].*");

  public static final RuleMeta META = new RuleMeta("HL401", "Plugin name Haraka cannot load",
      Severity.HIGH, Category.PLUGINS, "all", Set.of("plugins", "startup"), false,
      "Haraka stops at start-up with \"No plugin with this name found\"; with ignore_bad_plugins set it starts without the plugin instead, silently dropping a rcpt, auth or relay check.",
      "Fix the spelling, remove the inline comment, or install the plugin (npm install haraka-plugin-<name> in the Haraka root).");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    boolean ignoreBad = tree.smtp().ignoreBadPlugins().map(p -> p.value().isTruthy()).orElse(false);
    for (PluginList.Plugin p : tree.plugins().all()) {
      String written = p.written().value();
      String consequence = ignoreBad
          ? "ignore_bad_plugins is set, so Haraka starts without it and nothing tells you the check is missing"
          : "Haraka refuses to start";
      if (INLINE_COMMENT.matcher(written).matches()) {
        ctx.report(p.written().span(), "plugin-inline-comment:" + written,
            "'" + written + "' has an inline comment: config/plugins has none, so Haraka looks for a plugin with that whole name and "
                + consequence + ".");
        continue;
      }
      if (known(tree, p)) continue;
      Optional<PluginCatalog.Entry> entry = p.catalog();
      if (entry.isPresent() && entry.get().status() == PluginCatalog.Status.REMOVED) {
        ctx.report(p.written().span(), "plugin-removed:" + p.name(),
            "'" + p.name() + "' no longer exists (" + entry.get().history() + ")"
                + (entry.get().target() != null ? "; use " + entry.get().target() : "") + ": " + consequence + ".");
        continue;
      }
      if (entry.isPresent() && needsManualInstall(tree, entry.get())) {
        String pkg = entry.get().npmPackage() != null ? entry.get().npmPackage() : "haraka-plugin-" + p.name();
        ctx.report(p.written().span(), "plugin-not-installed:" + p.name(),
            "'" + p.name() + "' is not installed with Haraka " + tree.harakaVersion() + " (dropped from its dependencies in "
                + entry.get().droppedFromHarakaDeps().orElseThrow() + ") and " + pkg + " is not in this root's package.json or node_modules: "
                + consequence + ".");
        continue;
      }
      if (entry.isPresent()) continue;
      boolean canTell = tree.install().haveRoot();
      ctx.report(p.written().span(), "plugin-unknown:" + p.name(),
          "'" + p.name() + "' is not a Haraka core or known npm plugin" + (canTell ? " and is not installed in this root" : "")
              + ": if it is a typo, " + consequence + ".",
          canTell ? Severity.HIGH : Severity.MEDIUM);
    }
  }

  private static boolean needsManualInstall(ConfigTree tree, PluginCatalog.Entry e) {
    return tree.install().haveRoot() && e.status() == PluginCatalog.Status.NPM
        && e.droppedFromHarakaDeps().map(v -> tree.harakaVersion().compareTo(v) >= 0).orElse(false);
  }

  private static boolean known(ConfigTree tree, PluginList.Plugin p) {
    return tree.install().localPlugins().contains(p.name())
        || tree.install().hasPackage("haraka-plugin-" + p.name())
        || tree.install().hasPackage(p.name());
  }
}
