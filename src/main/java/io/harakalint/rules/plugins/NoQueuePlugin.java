package io.harakalint.rules.plugins;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.PluginList;
import io.harakalint.model.TreeCompleteness;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Set;

/** See rules/HL408.md. */
public final class NoQueuePlugin implements Rule {
  public static final RuleMeta META = new RuleMeta("HL408", "Inbound mail is accepted but no plugin queues it",
      Severity.HIGH, Category.PLUGINS, "all", Set.of("plugins", "queue", "availability"), false,
      "Mail from a client that does not relay is handed to the queue hook; when no plugin takes it, Haraka answers a bare \"451\" with only the transaction id (seen on Haraka 3.3.4) after DATA, so every inbound message is deferred, retried for days and finally bounced.",
      "List a queue plugin that delivers inbound mail: queue/smtp_forward (or queue/lmtp, queue/qmail-queue, queue/smtp_proxy).");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    if (!TreeCompleteness.isWholeConfig(tree)) return;
    PluginList.Plugin accepting = null;
    for (PluginList.Plugin p : tree.plugins().all()) {
      if (PluginFacts.queuesInbound(p) != PluginFacts.Verdict.NO) return; // queues, or cannot tell
      if (accepting == null && PluginFacts.acceptsRecipients(tree, p) == PluginFacts.Verdict.YES) accepting = p;
    }
    if (accepting == null) return; // nothing is accepted inbound; relayed mail goes to outbound without a queue plugin
    ctx.report(accepting.written().span(), "no-queue-plugin",
        "'" + accepting.written().value() + "' accepts inbound recipients, but no plugin in config/plugins queues inbound mail: after DATA "
            + "every such message gets a bare \"451\" with only the transaction id (seen on Haraka 3.3.4).");
  }
}
