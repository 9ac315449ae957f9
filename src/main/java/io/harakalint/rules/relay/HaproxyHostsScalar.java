package io.harakalint.rules.relay;

import io.harakalint.model.HaproxyHost;
import io.harakalint.model.IniProperty;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Set;

/** See rules/HL210.md. */
public final class HaproxyHostsScalar implements Rule {
  public static final RuleMeta META = new RuleMeta("HL210", "[haproxy] hosts= written without [] stops Haraka",
      Severity.CRITICAL, Category.RELAY, ">= 3.1.0", Set.of("relay", "haproxy", "startup", "ini"), false,
      "Haraka iterates [haproxy] hosts with for...of; a scalar is a string, so it walks it one character at a time and ipaddr.js throws on the first '.', ':' or letter: Haraka 3.1.x exits at start-up, 3.3.x on the first connection.",
      "Write each peer on its own hosts[]= line.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    HaproxyHost.Source src = HaproxyHost.fromTree(ctx.tree());
    if (src.scalar().isEmpty()) return;
    IniProperty p = src.scalar().get();
    ctx.report(p.span(), "haproxy-scalar",
        "[haproxy] hosts=" + p.value() + " is a single " + (p.value() instanceof io.harakalint.model.IniValue.Num ? "number" : "string")
            + ", not a list: Haraka iterates it character by character and ipaddr.js throws, so Haraka "
            + (ctx.tree().harakaVersion().below(3, 3, 1) ? "exits at start-up" : "exits on the first connection")
            + ". Write hosts[]=" + p.value() + ".");
  }
}
