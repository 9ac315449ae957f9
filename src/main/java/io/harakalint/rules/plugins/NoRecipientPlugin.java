package io.harakalint.rules.plugins;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.PluginList;
import io.harakalint.model.RelayConfig;
import io.harakalint.model.TreeCompleteness;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import io.harakalint.text.Span;
import java.util.Set;

/** See rules/HL407.md. */
public final class NoRecipientPlugin implements Rule {
  public static final RuleMeta META = new RuleMeta("HL407", "No plugin accepts inbound recipients",
      Severity.HIGH, Category.PLUGINS, "all", Set.of("plugins", "rcpt", "availability"), false,
      "Haraka itself accepts a recipient only when a rcpt plugin answers OK or the client relays; with no plugin that accepts local recipients, every RCPT TO from a client that does not relay gets \"550 I cannot deliver mail for\", so the server receives no mail from the internet.",
      "List a recipient plugin that accepts your domains, usually rcpt_to.in_host_list with the domains in config/host_list (or qmail-deliverable, recipient-routes).");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    if (!TreeCompleteness.isWholeConfig(tree)) return;
    boolean relayPath = false;
    for (PluginList.Plugin p : tree.plugins().all()) {
      PluginFacts.Verdict v = PluginFacts.acceptsRecipients(tree, p);
      if (v != PluginFacts.Verdict.NO) return; // accepts, or a plugin haraka-lint cannot judge
      if (PluginFacts.offersAuth(p)) relayPath = true;
    }
    RelayConfig relay = tree.relay();
    if (tree.plugins().loads("relay") && relay.acl().value() && !relay.aclEntries().isEmpty()) relayPath = true;
    Span at = new Span(tree.pathOf("plugins"), 1, 1);
    if (relayPath) {
      ctx.report(at, "no-rcpt-plugin",
          "No plugin in config/plugins accepts a recipient for a client that does not relay: only AUTH or relay-ACL clients can send, "
              + "and mail from the internet for your domains gets \"550 I cannot deliver mail for\" (fine for a submission-only server).",
          Severity.LOW);
      return;
    }
    ctx.report(at, "no-rcpt-plugin",
        "No plugin in config/plugins accepts a recipient, and no client can relay (no AUTH plugin, no relay ACL): every RCPT TO gets "
            + "\"550 I cannot deliver mail for\", so this server accepts no mail at all.");
  }
}
