package io.harakalint.rules.policy;

import io.harakalint.model.InlineWaivers;
import io.harakalint.model.Waiver;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** See rules/HL901.md. */
public final class IncompleteWaiver implements Rule {
  public static final RuleMeta META = new RuleMeta("HL901", "Waiver without a reason, owner or expiry date",
      Severity.HIGH, Category.POLICY, "all", Set.of("policy", "waiver"), false,
      "A security exception nobody can explain, nobody owns and that never ends stays forever: the Java 8 relay exception of 2026 is still open in 2030. Such a waiver waives nothing.",
      "Give the waiver rule=, reason=, owner= and an ISO expiry date (expires=2027-03-31, or until= inline), and review it before it runs out.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    List<Waiver> all = new ArrayList<>(ctx.policy().waivers());
    all.addAll(InlineWaivers.in(ctx.tree()));
    for (Waiver w : all) {
      List<String> problems = w.problems();
      if (problems.isEmpty()) continue;
      ctx.report(w.span(), "waiver:" + w.name(),
          (w.inline() ? "Inline waiver" : "Waiver '" + w.name() + "'") + " has " + String.join(", ", problems)
              + ": it waives nothing until it is complete.");
    }
  }
}
