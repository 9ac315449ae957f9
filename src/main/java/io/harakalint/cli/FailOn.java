package io.harakalint.cli;

import io.harakalint.load.UserError;
import io.harakalint.rules.Severity;

/** The {@code --fail-on} value that check, diff and history share. */
final class FailOn {
  private FailOn() {}

  /** The threshold, or null for {@code none} (never fail). */
  static Severity parse(String text) {
    if (text.equalsIgnoreCase("none")) return null;
    try {
      return Severity.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserError("--fail-on: '" + text + "' is not one of critical, high, medium, low, info, none");
    }
  }
}
