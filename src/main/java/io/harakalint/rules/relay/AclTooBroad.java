package io.harakalint.rules.relay;

import inet.ipaddr.IPAddress;
import io.harakalint.model.AclEntry;
import io.harakalint.model.RelayConfig;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import io.harakalint.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** See rules/HL202.md. */
public final class AclTooBroad implements Rule {
  private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d+");

  public static final RuleMeta META = new RuleMeta("HL202", "relay_acl_allow grants relay to too many addresses",
      Severity.HIGH, Category.RELAY, "all", Set.of("relay", "acl", "open-relay"), false,
      "Every address in an ACL range may send mail anywhere without AUTH; a wide range (or entries that together cover everything) is an open relay for anyone who can get an address in it.",
      "List only the hosts that must relay, as /32 (IPv4) or /128 (IPv6) entries, and make everyone else authenticate.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    RelayConfig relay = ctx.tree().relay();
    RelayConfig.AclSemantics s = relay.semantics();
    List<IPAddress> v4 = new ArrayList<>();
    List<IPAddress> v6 = new ArrayList<>();
    Span lastV4 = null;
    Span lastV6 = null;
    for (AclEntry e : relay.aclEntries()) {
      // Malformed masks and bare IPv6 entries have their own rules (HL204, HL203).
      if (e.maskText() == null || !DIGITS.matcher(e.maskText().trim()).matches()) continue;
      if (!(e.currentEffect() instanceof AclEntry.Effect.Allows a)) continue;
      IPAddress block = a.block();
      int prefix = block.getPrefixLength();
      if (block.isIPv4()) {
        v4.add(block);
        lastV4 = e.raw().span();
      } else {
        v6.add(block);
        lastV6 = e.raw().span();
      }
      int min = block.isIPv4() ? ctx.options().aclMinPrefixV4() : ctx.options().aclMinPrefixV6();
      if (prefix < min) {
        ctx.report(e.raw().span(), "acl-broad:" + e.raw().value(),
            "'" + e.raw().value() + "' lets " + count(block) + " addresses relay without AUTH (shorter than /" + min + ").",
            prefix <= (block.isIPv4() ? 8 : 16) ? Severity.CRITICAL : Severity.HIGH);
      }
    }
    reportWholeSpace(ctx, v4, lastV4, "0.0.0.0/0", s);
    reportWholeSpace(ctx, v6, lastV6, "::/0", s);
  }

  private static void reportWholeSpace(RuleContext ctx, List<IPAddress> blocks, Span at, String everything,
      RelayConfig.AclSemantics s) {
    if (blocks.size() < 2) return;
    IPAddress[] rest = blocks.subList(1, blocks.size()).toArray(new IPAddress[0]);
    IPAddress[] merged = blocks.get(0).mergeToPrefixBlocks(rest);
    if (merged.length == 1 && merged[0].getPrefixLength() != null && merged[0].getPrefixLength() == 0) {
      ctx.report(at, "acl-whole-space:" + everything,
          "Together the relay_acl_allow entries cover " + everything + " (every address): the server is an open relay.",
          Severity.CRITICAL);
    }
  }

  private static String count(IPAddress block) {
    return block.getCount().bitLength() > 40 ? "2^" + (block.getBitCount() - block.getPrefixLength())
        : grouped(block.getCount().longValue());
  }

  /** 16777216 as "16,777,216". By hand: String.format's Formatter costs more than the rest of this rule per run. */
  static String grouped(long n) {
    String digits = Long.toString(n);
    StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) out.append(',');
      out.append(digits.charAt(i));
    }
    return out.toString();
  }
}
