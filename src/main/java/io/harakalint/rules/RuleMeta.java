package io.harakalint.rules;

import io.harakalint.model.VersionRange;
import java.util.Set;

/**
 * A rule's metadata, written once beside its check and used by the registry, the docs test, the
 * reports and {@code explain}. {@code why} and {@code fix} are one sentence each for a busy operator;
 * the rule's page in {@code rules/} has the long form.
 *
 * @param appliesTo the Haraka versions the rule is about, as text ("all", "&gt;= 3.1.0")
 */
public record RuleMeta(String id, String title, Severity severity, Category category, String appliesTo,
    Set<String> tags, boolean fixable, String why, String fix) {
  public RuleMeta {
    if (!id.matches("HL\\d{3}")) throw new IllegalArgumentException("rule ids look like HL123: " + id);
    VersionRange.parse(appliesTo); // fail fast on a malformed range
  }

  /** The Haraka versions this rule applies to, parsed (once per text: the linter asks for every rule and tree). */
  public VersionRange versions() {
    return PARSED.computeIfAbsent(appliesTo, VersionRange::parse);
  }

  private static final java.util.Map<String, VersionRange> PARSED = new java.util.concurrent.ConcurrentHashMap<>();
}
