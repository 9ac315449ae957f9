package io.harakalint.rules.relay;

import inet.ipaddr.IPAddress;
import io.harakalint.model.HaproxyHost;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Set;

/** See rules/HL207.md. */
public final class HaproxyHostTooBroad implements Rule {
  public static final RuleMeta META = new RuleMeta("HL207", "HAProxy trusted hosts cover too many addresses",
      Severity.HIGH, Category.RELAY, "all", Set.of("relay", "haproxy", "proxy", "spoofing"), false,
      "Any host inside a trusted range may send a PROXY header and choose the client address Haraka sees: the relay ACL, DNS lists and the private-address AUTH exemption then judge an address the attacker picked.",
      "List only your load balancers, each as a /32 (IPv4) or /128 (IPv6) entry.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    HaproxyHost.Source src = HaproxyHost.fromTree(ctx.tree());
    for (HaproxyHost h : src.hosts()) {
      String raw = h.raw().value();
      if (h.effect() instanceof HaproxyHost.Effect.Everything e && !e.notANumber() && raw.split("/", -1)[1].trim().equals("0")) {
        ctx.report(h.raw().span(), "haproxy-broad:" + raw,
            "'" + raw + "' has a /0 mask: every client may send a PROXY header and choose the address Haraka sees.",
            Severity.CRITICAL);
        continue;
      }
      // A bare IPv6 address (a /64) has its own rule, HL208.
      if (!(h.effect() instanceof HaproxyHost.Effect.Block b) || b.bareIpv6()) continue;
      IPAddress block = b.block();
      int prefix = block.getPrefixLength();
      int min = block.isIPv4() ? ctx.options().aclMinPrefixV4() : ctx.options().aclMinPrefixV6();
      if (prefix >= min) continue;
      ctx.report(h.raw().span(), "haproxy-broad:" + raw,
          "'" + raw + "' lets " + count(block) + " addresses send a PROXY header and choose the client address Haraka sees (shorter than /"
              + min + ").",
          prefix <= (block.isIPv4() ? 8 : 16) ? Severity.CRITICAL : Severity.HIGH);
    }
  }

  static String count(IPAddress block) {
    return block.getCount().bitLength() > 40 ? "2^" + (block.getBitCount() - block.getPrefixLength())
        : String.format("%,d", block.getCount());
  }
}
