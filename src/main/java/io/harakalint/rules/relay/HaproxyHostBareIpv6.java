package io.harakalint.rules.relay;

import io.harakalint.model.HaproxyHost;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Set;

/** See rules/HL208.md. */
public final class HaproxyHostBareIpv6 implements Rule {
  public static final RuleMeta META = new RuleMeta("HL208", "Bare IPv6 HAProxy host trusts a whole /64",
      Severity.MEDIUM, Category.RELAY, "all", Set.of("relay", "haproxy", "proxy", "ipv6", "spoofing"), true,
      "Haraka reads an IPv6 PROXY peer without a mask as a /64, so every other machine in that subnet (other tenants of a shared /64, a compromised neighbour) may send PROXY headers and choose the client address Haraka sees.",
      "Write the load balancer as an explicit /128 (for example 2001:db8::10/128).");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    for (HaproxyHost h : HaproxyHost.fromTree(ctx.tree()).hosts()) {
      if (!(h.effect() instanceof HaproxyHost.Effect.Block b) || !b.bareIpv6()) continue;
      String raw = h.raw().value();
      ctx.report(h.raw().span(), "haproxy-bare-v6:" + raw,
          "'" + raw + "' has no mask: Haraka reads it as " + b.block().toCanonicalString()
              + ", so every host in that /64 may send a PROXY header and choose the client address.", META.severity(),
          io.harakalint.model.Fix.of("only that one load balancer may send PROXY headers",
              new io.harakalint.text.TextEdit(h.raw().span().file(), h.raw().span().line(), h.raw().span().column() + raw.length(),
                  h.raw().span().line(), h.raw().span().column() + raw.length(), "/128")));
    }
  }
}
