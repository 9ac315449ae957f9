package io.harakalint.rules.relay;

import io.harakalint.model.HaproxyHost;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Set;

/** See rules/HL211.md. */
public final class HaproxyHostUnparseable implements Rule {
  public static final RuleMeta META = new RuleMeta("HL211", "HAProxy host that is not an IP address stops Haraka",
      Severity.CRITICAL, Category.RELAY, "all", Set.of("relay", "haproxy", "startup"), false,
      "Haraka hands every trusted PROXY peer to ipaddr.js without catching errors: a bracketed IPv6 address, a host name or an inline comment after the address throws, and Haraka exits (at start-up, or on the first connection from 3.3.1).",
      "Write the bare address with a mask (192.0.2.10/32, 2001:db8::10/128), without brackets, names or comments.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    HaproxyHost.Source src = HaproxyHost.fromTree(ctx.tree());
    String when = !src.connectionIni() || ctx.tree().harakaVersion().below(3, 3, 1)
        ? "Haraka exits at start-up" : "Haraka exits on the first connection";
    for (HaproxyHost h : src.hosts()) {
      if (!(h.effect() instanceof HaproxyHost.Effect.Throws t)) continue;
      String raw = h.raw().value();
      String hint = raw.startsWith("[") ? " (write IPv6 addresses without brackets)" : "";
      ctx.report(h.raw().span(), "haproxy-unparseable:" + raw,
          "'" + raw + "': " + t.why() + hint + "; the error is not caught, so " + when + ".");
    }
  }
}
