package io.harakalint.model;

import io.harakalint.text.Span;

/**
 * The effective value of one key after haraka-config's typing, with the entry that last set it.
 * {@code entry} is null for a declared boolean's default, which exists even when the file is silent.
 */
public record IniProperty(String section, String key, IniValue value, IniEntry entry, Span fallbackSpan) {

  /** Where to point a finding: the value as written, or the file when the value is a default. */
  public Span span() {
    return entry != null ? entry.valueSpan() : fallbackSpan;
  }

  public Span keySpan() {
    return entry != null ? entry.keySpan() : fallbackSpan;
  }

  public boolean isDefault() {
    return entry == null;
  }

  /** The text as written (null for undefined or defaults). Never print it for secret-bearing keys. */
  public String raw() {
    return entry == null ? null : entry.rawValue();
  }
}
