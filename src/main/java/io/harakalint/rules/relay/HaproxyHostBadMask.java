package io.harakalint.rules.relay;

import io.harakalint.model.HaproxyHost;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Set;

/** See rules/HL209.md. */
public final class HaproxyHostBadMask implements Rule {
  public static final RuleMeta META = new RuleMeta("HL209", "HAProxy host mask that trusts every client",
      Severity.CRITICAL, Category.RELAY, "all", Set.of("relay", "haproxy", "proxy", "spoofing"), false,
      "Haraka passes parseInt(mask) to ipaddr.js match(); a mask that is not a number (NaN) or is negative never enters the comparison loop, so every client of that address family may send a PROXY header and choose its own address.",
      "Write the mask as a plain number (a.b.c.d/32, x::y/128), with any comment on its own line.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    for (HaproxyHost h : HaproxyHost.fromTree(ctx.tree()).hosts()) {
      if (!(h.effect() instanceof HaproxyHost.Effect.Everything e)) continue;
      String raw = h.raw().value();
      String mask = e.mask();
      // /0 is a number: HL207 reports it as too broad.
      if (!e.notANumber() && mask.trim().equals("0")) continue;
      String family = raw.contains(":") ? "IPv6" : "IPv4";
      ctx.report(h.raw().span(), "haproxy-bad-mask:" + raw,
          "'" + raw + "' has the mask '" + mask + "', which parseInt reads as " + (e.notANumber() ? "NaN" : "a negative number")
              + ": ipaddr.js then matches every " + family + " client, so anyone may send a PROXY header and choose the client address.");
    }
  }
}
