package io.harakalint.rules.plugins;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.HarakaVersion;
import io.harakalint.model.InstallFacts;
import io.harakalint.model.PluginCatalog;
import io.harakalint.model.PluginList;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** See rules/HL405.md. */
public final class NpmPluginNotInstalled implements Rule {
  public static final RuleMeta META = new RuleMeta("HL405", "Plugin that moved to npm is not installed",
      Severity.HIGH, Category.PLUGINS, "all", Set.of("plugins", "npm", "startup", "upgrade"), false,
      "The plugin is no longer part of Haraka's own plugins/ folder in this version, and its npm package is not in the Haraka root: Haraka stops with \"No plugin with this name found\" (or, with ignore_bad_plugins, runs without it).",
      "npm install the package in the Haraka root (and commit package.json), or remove the line.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    InstallFacts install = tree.install();
    if (!install.haveRoot()) return;
    HarakaVersion v = tree.harakaVersion();
    Set<String> reported = new HashSet<>();
    for (PluginList.Plugin p : tree.plugins().all()) {
      Optional<PluginCatalog.Entry> target = PluginCatalog.lookup(p.loads());
      if (target.isEmpty() || target.get().status() != PluginCatalog.Status.NPM) continue;
      PluginCatalog.Entry t = target.get();
      if (PluginFacts.npmSince(t).map(since -> v.compareTo(since) < 0).orElse(false)) continue; // still core
      String pkg = t.npmPackage() != null ? t.npmPackage() : "haraka-plugin-" + p.loads();
      if (install.localPlugins().contains(p.name()) || install.localPlugins().contains(p.loads())) continue;
      if (PluginFacts.inRoot(install, pkg) || PluginFacts.inRoot(install, p.loads())) continue;
      Optional<HarakaVersion> dropped = t.droppedFromHarakaDeps().filter(d -> v.compareTo(d) >= 0);
      // HL401 reports a dropped plugin written under its own name when package.json does not list it either.
      if (dropped.isPresent() && !p.isAlias() && !install.hasPackage(pkg)) continue;
      boolean withHaraka = PluginFacts.installedWithHaraka(t).stream().anyMatch(r -> r.contains(v));
      boolean optionalDependency = withHaraka && dropped.isEmpty();
      // Decide first, word the message after: most plugins of most trees are installed (no message).
      // Without Haraka in node_modules, a plain npm install of Haraka brings an optional dependency.
      if (!install.hasInstalledHaraka() && optionalDependency) continue;
      if (!reported.add(pkg)) continue;
      String what = (p.isAlias() ? "'" + p.name() + "' loads " + p.loads() + ", from " : "'" + p.name() + "' comes from ") + pkg;
      String notInstalled = "; Haraka " + v + " does not install it" + dropped.map(d -> " (dropped from its dependencies in " + d + ")").orElse("");
      String why;
      if (install.hasInstalledHaraka()) {
        why = optionalDependency
            ? what + ", an optional dependency of Haraka " + v
                + ", but node_modules has Haraka without it (installed with --omit=optional, or the install failed)"
            : what + notInstalled + " and node_modules does not have it"
                + (install.hasPackage(pkg) ? " (package.json lists it: run npm install)" : "");
      } else {
        why = what + notInstalled + " and this root's package.json does not list it";
      }
      ctx.report(p.written().span(), "npm-not-installed:" + p.name(), why + ": Haraka " + consequence(tree) + ".");
    }
  }

  private static String consequence(ConfigTree tree) {
    boolean ignoreBad = tree.smtp().ignoreBadPlugins().map(p -> p.value().isTruthy()).orElse(false);
    return ignoreBad ? "starts without it (ignore_bad_plugins is set), silently" : "refuses to start (No plugin with this name found)";
  }
}
