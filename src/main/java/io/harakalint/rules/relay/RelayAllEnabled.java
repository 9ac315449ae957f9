package io.harakalint.rules.relay;

import io.harakalint.model.Located;
import io.harakalint.model.RelayConfig;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Set;

/** See rules/HL201.md. */
public final class RelayAllEnabled implements Rule {
  public static final RuleMeta META = new RuleMeta("HL201", "relay.ini all=true makes an open relay",
      Severity.CRITICAL, Category.RELAY, "all", Set.of("relay", "open-relay"), true,
      "With [relay] all=true the relay plugin accepts every recipient from every client: spammers use the server within hours and its IP lands on blocklists.",
      "Set all=false and let clients relay through AUTH or relay_acl_allow instead.");

  /** Replaces a value as written (its raw text, on one physical line) with {@code text}. */
  static io.harakalint.text.TextEdit valueEdit(io.harakalint.model.IniProperty p, String text) {
    io.harakalint.text.Span v = p.entry().valueSpan();
    return new io.harakalint.text.TextEdit(v.file(), v.line(), v.column(), v.line(), v.column() + p.raw().length(), text);
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    RelayConfig relay = ctx.tree().relay();
    Located<Boolean> all = relay.all();
    if (!all.value()) return;
    boolean listed = ctx.tree().plugins().loads("relay");
    ctx.report(all.span(), "relay.all",
        "[relay] all=true: the relay plugin accepts mail from anyone to anywhere"
            + (listed ? "." : " (the relay plugin is not listed in config/plugins right now, so this is off until someone adds it)."),
        listed ? Severity.CRITICAL : Severity.HIGH,
        all.span().line() > 0 && relay.ini().get("relay", "all").map(p -> p.entry() != null && p.raw() != null).orElse(false)
            ? io.harakalint.model.Fix.of("relaying is then granted only by AUTH, relay_acl_allow or dest_domains",
                valueEdit(relay.ini().get("relay", "all").get(), "false"))
            : null);
  }
}
