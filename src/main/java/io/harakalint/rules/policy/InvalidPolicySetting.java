package io.harakalint.rules.policy;

import io.harakalint.model.Located;
import io.harakalint.model.PolicyFile;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Rules;
import io.harakalint.rules.Severity;
import java.util.Map;
import java.util.Set;

/** See rules/HL902.md. */
public final class InvalidPolicySetting implements Rule {
  public static final RuleMeta META = new RuleMeta("HL902", "Policy setting that haraka-lint does not understand",
      Severity.MEDIUM, Category.POLICY, "all", Set.of("policy"), false,
      "A misspelt rule id, severity or threshold in the policy is ignored, so the rule you meant to silence still fails the build, or the one you meant to make stricter is not.",
      "Use a rule id from `haraka-lint rules`, a value of on, off, critical, high, medium, low or info, and the thresholds acl_min_prefix_v4, acl_min_prefix_v6 and cert_expiry_days.");

  private static final Set<String> VALUES = Set.of("on", "off", "critical", "high", "medium", "low", "info");
  private static final Set<String> THRESHOLDS = Set.of("acl_min_prefix_v4", "acl_min_prefix_v6", "cert_expiry_days");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    PolicyFile p = ctx.policy();
    for (Map.Entry<String, Located<String>> e : p.ruleSettings().entrySet()) {
      String id = e.getKey();
      String v = e.getValue().value().trim().toLowerCase(java.util.Locale.ROOT);
      if (Rules.byId(id).isEmpty()) {
        ctx.report(e.getValue().span(), "policy-rule:" + id, "[rules] " + id + " is not a haraka-lint rule id.");
      } else if (!VALUES.contains(v)) {
        ctx.report(e.getValue().span(), "policy-value:" + id,
            "[rules] " + id + "=" + e.getValue().value() + " is not on, off or a severity, so it is ignored.");
      }
    }
    for (Map.Entry<String, Located<String>> e : p.thresholds().entrySet()) {
      if (!THRESHOLDS.contains(e.getKey())) {
        ctx.report(e.getValue().span(), "policy-threshold:" + e.getKey(), "[thresholds] " + e.getKey() + " is not a known threshold.");
      } else if (!e.getValue().value().matches("\\d{1,6}")) {
        ctx.report(e.getValue().span(), "policy-threshold-value:" + e.getKey(),
            "[thresholds] " + e.getKey() + "=" + e.getValue().value() + " is not a whole number, so the default is used.");
      }
    }
    for (Located<String> client : p.requiredClients()) {
      if (io.harakalint.tls.ClientProfiles.get().byId(client.value()).isEmpty()) {
        ctx.report(client.span(), "policy-client:" + client.value(),
            "[compat] require_clients[] " + client.value() + " is not a client profile (see 'haraka-lint compat').");
      }
    }
    p.nodeVersion().filter(v -> io.harakalint.tls.NodeRuntime.parse(v.value()).isEmpty()).ifPresent(v ->
        ctx.report(v.span(), "policy-node:" + v.value(), "[compat] node_version=" + v.value() + " is not 18, 20, 22 or 24."));
    for (Located<String> glob : p.excludes()) {
      try {
        java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob.value());
      } catch (IllegalArgumentException ex) {
        ctx.report(glob.span(), "policy-glob:" + glob.value(), "[paths] exclude '" + glob.value() + "' is not a valid glob.");
      }
    }
  }
}
