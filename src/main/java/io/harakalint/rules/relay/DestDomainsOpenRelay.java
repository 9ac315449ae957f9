package io.harakalint.rules.relay;

import io.harakalint.model.Located;
import io.harakalint.model.RelayConfig;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Set;

/** See rules/HL206.md. */
public final class DestDomainsOpenRelay implements Rule {
  public static final RuleMeta META = new RuleMeta("HL206", "dest_domains accept/continue opens the relay for the whole transaction",
      Severity.CRITICAL, Category.RELAY, "all", Set.of("relay", "dest_domains", "open-relay"), false,
      "With [relay] dest_domains=true, one RCPT TO an accept or continue domain sets relaying for the transaction, so every later RCPT TO any outside domain is accepted and queued outbound (verified on Haraka 3.3.4 with relay 1.0.2).",
      "Validate local recipients with rcpt_to.in_host_list (or qmail-deliverable, rcpt-ldap) and use dest_domains only for force_routing next hops, with action deny for anything not local.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    RelayConfig relay = ctx.tree().relay();
    Located<Boolean> on = relay.destDomains();
    if (!on.value()) return;
    boolean listed = ctx.tree().plugins().loads("relay");
    for (RelayConfig.DestDomain d : relay.destDomainEntries()) {
      String action = d.action().orElse("");
      if (!action.equals("accept") && !action.equals("continue")) continue;
      ctx.report(d.property().span(), "dest-domains:" + d.property().key(),
          "'" + d.property().key() + "' has action " + action + " while dest_domains=true (relay.ini line " + on.span().line()
              + "): after one RCPT TO this domain, RCPT TO any external address is relayed in the same transaction.",
          listed ? Severity.CRITICAL : Severity.HIGH);
    }
  }
}
