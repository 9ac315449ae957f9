package io.harakalint.rules;

import io.harakalint.text.Span;

/**
 * One problem at one place.
 *
 * @param message one specific sentence about this occurrence; never contains a secret
 * @param anchor what the finding is about, independent of line numbers (section/key/entry); the
 *     fingerprint is built from it so it survives edits elsewhere in the file
 */
public record Finding(RuleMeta rule, Severity severity, Span span, String message, String anchor, String fingerprint) {
  public String ruleId() {
    return rule.id();
  }
}
