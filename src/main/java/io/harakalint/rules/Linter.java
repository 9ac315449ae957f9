package io.harakalint.rules;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.PolicyFile;
import java.util.Comparator;
import java.util.List;

/** Runs rules over a tree and returns their findings in file, line, rule order. */
public final class Linter {
  private final List<Rule> rules;
  private final LintOptions options;
  private final PolicyFile policy;

  public Linter(List<Rule> rules, LintOptions options) {
    this(rules, options, PolicyFile.NONE);
  }

  public Linter(List<Rule> rules, LintOptions options, PolicyFile policy) {
    this.rules = rules;
    this.options = options;
    this.policy = policy;
  }

  public List<Finding> lint(ConfigTree tree) {
    RuleContext ctx = new RuleContext(tree, options, policy);
    for (Rule r : rules) {
      if (r.meta().versions().contains(tree.harakaVersion())) ctx.runRule(r);
    }
    return ctx.findings().stream()
        .sorted(Comparator.comparing((Finding f) -> f.span().file())
            .thenComparingInt(f -> f.span().line())
            .thenComparingInt(f -> f.span().column())
            .thenComparing(Finding::ruleId))
        .toList();
  }
}
