package io.harakalint.rules.policy;

import io.harakalint.rules.Rule;
import java.util.List;

/** Rules about haraka-lint's own policy file and waivers. */
public final class PolicyRules {
  public static final List<Rule> ALL = List.of(new IncompleteWaiver(), new InvalidPolicySetting());

  private PolicyRules() {}
}
