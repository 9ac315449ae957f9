package io.harakalint.model;

/**
 * A value that must never be printed: a password, a private key, an {@code auth_pass}. Reports
 * receive this type, never the String inside; {@link #toString()} redacts.
 */
public final class Secret {
  private final String value;

  public Secret(String value) {
    this.value = value;
  }

  /** For checks only (length, digits, emptiness); never for output. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value == null || value.isEmpty();
  }

  @Override
  public String toString() {
    return "[redacted]";
  }
}
