package io.harakalint.rules;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.Fix;
import io.harakalint.model.PolicyFile;
import io.harakalint.text.Span;
import java.util.ArrayList;
import java.util.List;

/** What a rule sees: the tree, the options, and a sink that stamps its findings with its metadata. */
public final class RuleContext {
  private final ConfigTree tree;
  private final LintOptions options;
  private final PolicyFile policy;
  private final List<Finding> findings = new ArrayList<>();
  private RuleMeta current;

  public RuleContext(ConfigTree tree, LintOptions options, PolicyFile policy) {
    this.tree = tree;
    this.options = options;
    this.policy = policy;
  }

  /** The policy file (or {@link PolicyFile#NONE}), for the rules that check waivers themselves. */
  public PolicyFile policy() {
    return policy;
  }

  public ConfigTree tree() {
    return tree;
  }

  public LintOptions options() {
    return options;
  }

  void runRule(Rule rule) {
    current = rule.meta();
    rule.check(this);
    current = null;
  }

  /** Reports at the rule's default severity. */
  public void report(Span span, String anchor, String message) {
    report(span, anchor, message, current.severity());
  }

  /** Reports with a severity chosen for this occurrence (e.g. worse on an old relay plugin). */
  /** The file a span points into, when it is one of the tree's config files (for computing fixes). */
  public java.util.Optional<io.harakalint.text.SourceFile> source(Span span) {
    String prefix = tree.configPrefix();
    if (!span.file().startsWith(prefix)) return java.util.Optional.empty();
    return tree.source(span.file().substring(prefix.length()));
  }

  /** Reports with a fix the user can apply with 'haraka-lint fix'. */
  public void report(Span span, String anchor, String message, Severity severity, Fix fix) {
    findings.add(new Finding(current, severity, span, message, anchor, null, Finding.Status.OPEN, fix));
  }

  public void report(Span span, String anchor, String message, Severity severity) {
    findings.add(new Finding(current, severity, span, message, anchor));
  }

  List<Finding> findings() {
    return findings;
  }
}
