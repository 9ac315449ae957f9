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

/** See rules/HL406.md. */
public final class ShimPlugin implements Rule {
  public static final RuleMeta META = new RuleMeta("HL406", "Plugin name that only logs \"This plugin has moved\"",
      Severity.MEDIUM, Category.PLUGINS, "< 3.1.0", Set.of("plugins", "npm", "upgrade"), false,
      "In this Haraka version the name is a stub whose register() only logs \"This plugin has moved\" and hooks nothing: Haraka starts normally and the check you listed (LDAP AUTH, LDAP recipient validation, p0f, URIBL...) does not run at all.",
      "Install the npm package and list its new name (for example auth-ldap, rcpt-ldap, p0f, uribl) instead of the old one.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    for (PluginList.Plugin p : tree.plugins().all()) {
      if (p.isAlias()) continue;
      Optional<PluginCatalog.Entry> e = p.catalog();
      if (e.isEmpty()) continue;
      Optional<PluginFacts.Range> shim = PluginFacts.shim(e.get()).filter(r -> r.contains(tree.harakaVersion()));
      if (shim.isEmpty()) continue;
      // $HARAKA/node_modules/haraka-plugin-<name> is searched before Haraka's own plugins/<name>.js.
      if (PluginFacts.inRoot(tree.install(), "haraka-plugin-" + p.name())) continue;
      String pkg = e.get().npmPackage() != null ? e.get().npmPackage() : "haraka-plugin-" + p.name();
      String replacement = e.get().target() != null ? e.get().target() : p.name();
      boolean serious = e.get().hasRole("auth") || e.get().hasRole("rcpt");
      String lost = e.get().hasRole("auth") ? "no AUTH is offered by it"
          : e.get().hasRole("rcpt") ? "no recipient is checked by it" : "its checks do not run";
      ctx.report(p.written().span(), "shim:" + p.name(),
          "In Haraka " + tree.harakaVersion() + " '" + p.name() + "' only logs \"This plugin has moved\" and registers no hook ("
              + shim.get().from() + " to " + shim.get().to() + "): " + lost + ". Install " + pkg + " and list '" + replacement + "'.",
          serious ? Severity.HIGH : Severity.MEDIUM);
    }
  }
}
