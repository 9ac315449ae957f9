package io.harakalint.rules;

import java.util.Locale;

/** How bad a finding is, most severe first. {@code --fail-on} compares with {@link #atLeast}. */
public enum Severity {
  CRITICAL, HIGH, MEDIUM, LOW, INFO;

  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Severity parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
