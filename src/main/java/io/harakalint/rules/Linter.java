package io.harakalint.rules;

import io.harakalint.model.ConfigTree;
import java.util.Comparator;
import java.util.List;

/** Runs rules over a tree and returns their findings in file, line, rule order. */
public final class Linter {
  private final List<Rule> rules;
  private final LintOptions options;

  public Linter(List<Rule> rules, LintOptions options) {
    this.rules = rules;
    this.options = options;
  }

  public List<Finding> lint(ConfigTree tree) {
    RuleContext ctx = new RuleContext(tree, options);
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
