package io.harakalint.rules.plugins;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.IniFile;
import io.harakalint.model.IniProperty;
import io.harakalint.model.IniValue;
import io.harakalint.model.PluginList;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** See rules/HL409.md. */
public final class LimitBeforeTlsOrAuth implements Rule {
  public static final RuleMeta META = new RuleMeta("HL409", "limit runs before tls or AUTH and counts STARTTLS and AUTH as unrecognized",
      Severity.LOW, Category.PLUGINS, "all", Set.of("plugins", "order", "limit", "tls", "auth"), false,
      "STARTTLS and AUTH are not core commands: tls and the auth plugins handle them on the unrecognized_command hook, so when limit comes first in config/plugins it counts each of them (and each AUTH LOGIN line) as unrecognized and may disconnect legitimate clients.",
      "Move limit below tls and every auth plugin in config/plugins (the end of the file is fine).");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    Optional<PluginList.Plugin> limit = tree.plugins().find("limit");
    if (limit.isEmpty()) return;
    IniFile ini = tree.ini("limit.ini");
    if (!ini.truthy("unrecognized_commands", "enabled").value()) return; // the hook is not registered
    List<String> after = new ArrayList<>();
    int counted = 0;
    boolean tls = false;
    boolean auth = false;
    for (PluginList.Plugin p : tree.plugins().all()) {
      if (p.line() <= limit.get().line()) continue;
      if (p.loads().equals("tls") && !tls) {
        tls = true;
        counted += 1; // STARTTLS
        after.add(p.written().value());
      } else if (PluginFacts.offersAuth(p) && !auth) {
        auth = true;
        counted += 3; // AUTH LOGIN, the user name line, the password line
        after.add(p.written().value());
      } else if (PluginFacts.offersAuth(p)) {
        after.add(p.written().value());
      }
    }
    if (after.isEmpty()) return;
    double max = maxOf(ini.get("unrecognized_commands", "max"));
    if (max <= 0 || Double.isNaN(max)) return; // limit does not enforce without a positive max
    boolean refuses = counted > max;
    String what = (tls ? "STARTTLS" : "") + (tls && auth ? " and " : "") + (auth ? "each AUTH command and AUTH LOGIN line" : "");
    ctx.report(limit.get().written().span(), "limit-before:" + String.join(",", after),
        "'" + limit.get().written().value() + "' comes before " + String.join(", ", after)
            + ": limit counts " + what + " as unrecognized commands"
            + (refuses ? ", which is " + counted + " for a client using " + (tls ? "STARTTLS and " : "") + (auth ? "AUTH LOGIN" : "")
                + ", more than [unrecognized_commands] max=" + fmt(max) + ": such clients are disconnected"
                : " (a client using STARTTLS and AUTH LOGIN reaches " + counted + " of max=" + fmt(max) + ")")
            + ".",
        refuses ? Severity.MEDIUM : Severity.LOW);
  }

  // limit: parseFloat(cfg.unrecognized_commands.max); the package ships max=10.
  private static double maxOf(Optional<IniProperty> p) {
    if (p.isEmpty()) return 10;
    IniValue v = p.get().value();
    if (v instanceof IniValue.Num n) return n.value();
    try {
      return Double.parseDouble(v.toString().trim().replaceAll("^([-+]?\\d*\\.?\\d+).*$", "$1"));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
