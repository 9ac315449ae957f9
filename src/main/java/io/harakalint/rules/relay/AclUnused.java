package io.harakalint.rules.relay;

import io.harakalint.model.Located;
import io.harakalint.model.RelayConfig;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import io.harakalint.text.Span;
import java.util.Set;

/** See rules/HL205.md. */
public final class AclUnused implements Rule {
  public static final RuleMeta META = new RuleMeta("HL205", "relay_acl_allow entries that do nothing",
      Severity.MEDIUM, Category.RELAY, "all", Set.of("relay", "acl"), false,
      "The ACL is only read when the relay plugin is listed and [relay] acl is on; otherwise the hosts you listed cannot relay and their mail is refused (or they were given AUTH credentials instead, which nobody reviews).",
      "List 'relay' in config/plugins (before the rcpt_to plugins) and keep [relay] acl=true, or delete relay_acl_allow.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    RelayConfig relay = ctx.tree().relay();
    if (relay.aclEntries().isEmpty()) return;
    Span first = relay.aclEntries().get(0).raw().span();
    int n = relay.aclEntries().size();
    String entries = n + (n == 1 ? " entry" : " entries");
    if (!ctx.tree().plugins().loads("relay")) {
      ctx.report(first, "acl-unused:no-plugin",
          "relay_acl_allow has " + entries + " but the relay plugin is not listed in config/plugins, so none of them may relay.");
      return;
    }
    Located<Boolean> acl = relay.acl();
    if (!acl.value()) {
      ctx.report(first, "acl-unused:acl-off",
          "relay_acl_allow has " + entries + " but [relay] acl is off in relay.ini (line " + acl.span().line()
              + "), so none of them may relay.");
    }
  }
}
