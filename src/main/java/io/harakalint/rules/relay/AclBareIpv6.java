package io.harakalint.rules.relay;

import io.harakalint.model.AclEntry;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Set;

/** See rules/HL203.md. */
public final class AclBareIpv6 implements Rule {
  public static final RuleMeta META = new RuleMeta("HL203", "Bare IPv6 address in relay_acl_allow trusts a whole /32",
      Severity.CRITICAL, Category.RELAY, "all", Set.of("relay", "acl", "ipv6", "open-relay"), true,
      "The relay plugin appends \"/32\" to an entry without a mask whatever its family, so a bare IPv6 address lets 2^96 addresses relay, usually a whole provider.",
      "Write the host as an explicit /128 (for example 2001:db8::25/128).");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    for (AclEntry e : ctx.tree().relay().aclEntries()) {
      // With an inline comment the entry reads differently per relay version: HL204 reports it.
      if (e.maskText() != null || !e.isIpv6() || e.hasInlineComment()) continue;
      ctx.report(e.raw().span(), "acl-bare-v6:" + e.raw().value(),
          "'" + e.raw().value() + "' has no mask: the relay plugin reads it as " + e.addressText()
              + "/32, so every address in that /32 (2^96 hosts) may relay without AUTH.", META.severity(),
          io.harakalint.model.Fix.of("only that one host may relay by ACL; the rest of the /32 must authenticate",
              new io.harakalint.text.TextEdit(e.raw().span().file(), e.raw().span().line(),
                  e.raw().span().column() + e.raw().value().length(), e.raw().span().line(),
                  e.raw().span().column() + e.raw().value().length(), "/128")));
    }
  }
}
