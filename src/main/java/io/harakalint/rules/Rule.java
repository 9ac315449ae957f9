package io.harakalint.rules;

/**
 * One check. A rule reads the typed tree in its context and reports findings there; it never reads
 * the disk or the network, and never prints.
 */
public interface Rule {
  RuleMeta meta();

  void check(RuleContext ctx);
}
