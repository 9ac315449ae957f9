package io.harakalint.rules.relay;

import io.harakalint.model.AclEntry;
import io.harakalint.model.RelayConfig;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.List;
import java.util.Set;

/** See rules/HL204.md. */
public final class AclMalformed implements Rule {
  private static final java.util.regex.Pattern SPACE_SEMICOLON = java.util.regex.Pattern.compile(".*\\s;.*");
  private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d+");

  public static final RuleMeta META = new RuleMeta("HL204", "Malformed relay_acl_allow entry",
      Severity.HIGH, Category.RELAY, "all", Set.of("relay", "acl", "open-relay"), false,
      "relay_acl_allow has no comments or validation worth the name: an inline comment or a mask that is not a number matches every address on relay <= 1.0.1 (an open relay), and 1.0.2 silently turns /0 into a single host.",
      "One address or CIDR per line (a.b.c.d/nn), comments on their own line starting with #.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    RelayConfig relay = ctx.tree().relay();
    RelayConfig.AclSemantics s = relay.semantics();
    for (AclEntry e : relay.aclEntries()) {
      String problem = problem(e);
      if (problem == null) continue;
      List<AclEntry.Effect> effects = AclFacts.effects(e, s);
      StringBuilder msg = new StringBuilder("'").append(e.raw().value()).append("' ").append(problem).append(": ");
      Severity sev = Severity.MEDIUM;
      boolean first = true;
      if (s != RelayConfig.AclSemantics.CURRENT) {
        msg.append(describe(e.legacyEffect())).append(' ').append(AclFacts.versionPhrase(s, true));
        if (e.legacyEffect() instanceof AclEntry.Effect.Everything) sev = Severity.CRITICAL;
        first = false;
      }
      if (s != RelayConfig.AclSemantics.LEGACY) {
        if (!first) msg.append("; ");
        msg.append(describe(e.currentEffect())).append(' ').append(AclFacts.versionPhrase(s, false));
        if (e.currentEffect() instanceof AclEntry.Effect.Everything) sev = Severity.CRITICAL;
        else if (sev != Severity.CRITICAL && e.currentEffect() instanceof AclEntry.Effect.Allows) sev = Severity.HIGH;
      }
      msg.append('.');
      assert !effects.isEmpty();
      ctx.report(e.raw().span(), "acl-malformed:" + e.raw().value(), msg.toString(), sev);
    }
  }

  private static String problem(AclEntry e) {
    String raw = e.raw().value();
    if (raw.contains("#") || SPACE_SEMICOLON.matcher(raw).matches()) return "has an inline comment";
    if (e.address() == null) return "is not an IP address or CIDR";
    if (e.maskText() == null) return null;
    String mask = e.maskText().trim();
    if (!DIGITS.matcher(mask).matches()) return "has a mask that is not a number";
    int bits = Integer.parseInt(mask.length() > 4 ? "999" : mask);
    if (bits == 0) return "uses a /0 mask";
    if (bits > e.address().getBitCount()) return "has a mask longer than the address";
    return null;
  }

  private static String describe(AclEntry.Effect effect) {
    if (effect instanceof AclEntry.Effect.Everything) return "EVERY address may relay (open relay)";
    if (effect instanceof AclEntry.Effect.Ignored i) return "it is ignored (" + i.why() + ")";
    AclEntry.Effect.Allows a = (AclEntry.Effect.Allows) effect;
    return "it is read as " + a.block().toCanonicalString();
  }
}
