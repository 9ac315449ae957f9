package io.harakalint.rules.plugins;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.Located;
import io.harakalint.model.PluginList;
import io.harakalint.model.RelayConfig;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** See rules/HL410.md. */
public final class RelayAfterAcceptingPlugin implements Rule {
  public static final RuleMeta META = new RuleMeta("HL410", "relay listed after a plugin that accepts recipients skips dest_domains",
      Severity.LOW, Category.PLUGINS, "all", Set.of("plugins", "order", "relay", "dest_domains"), false,
      "Hooks run in config/plugins order and the first OK ends the rcpt hook, so when a recipient plugin above relay accepts a recipient, relay's dest_domains check never sees it: its deny entries do not apply to those recipients.",
      "List relay above the recipient plugins (rcpt_to.in_host_list, qmail-deliverable, ...) in config/plugins.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    Optional<PluginList.Plugin> relayLine = tree.plugins().find("relay");
    RelayConfig relay = tree.relay();
    if (relayLine.isEmpty() || !relay.destDomains().value()) return;
    List<RelayConfig.DestDomain> denied = relay.destDomainEntries().stream()
        .filter(d -> d.action().map(a -> !a.equals("accept") && !a.equals("continue")).orElse(false)).toList();
    if (denied.isEmpty()) return;
    PluginList.Plugin before = null;
    for (PluginList.Plugin p : tree.plugins().all()) {
      if (p.line() >= relayLine.get().line()) break;
      if (PluginFacts.acceptsRecipients(tree, p) == PluginFacts.Verdict.YES) {
        before = p;
        break;
      }
    }
    if (before == null) return;
    String deniedDomain = denied.get(0).property().key();
    boolean certain = before.loads().equals("rcpt_to.in_host_list") && tree.hostList().stream()
        .map(Located::value).anyMatch(h -> h.toLowerCase(Locale.ROOT).equals(deniedDomain.toLowerCase(Locale.ROOT)));
    ctx.report(relayLine.get().written().span(), "relay-after:" + before.loads(),
        "'" + before.written().value() + "' (line " + before.line() + ") runs before relay: recipients it accepts never reach dest_domains, so "
            + (certain ? "the deny for '" + deniedDomain + "', which is also in config/host_list, never applies"
                : "deny entries such as '" + deniedDomain + "' do not apply to them")
            + ".",
        certain ? Severity.MEDIUM : Severity.LOW);
  }
}
