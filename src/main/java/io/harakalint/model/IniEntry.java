package io.harakalint.model;

import io.harakalint.text.Span;

/**
 * One key line of an INI file as haraka-config read it, before typing.
 *
 * @param section the section it landed in (continuations and header quirks already applied)
 * @param key the key as written, including a trailing {@code []}
 * @param baseKey the key haraka-config stores under (first {@code []} removed for arrays)
 * @param rawValue the trimmed text after the first '=', or {@code null} when there is no '='
 *     (haraka-config's {@code undefined}: the key exists without a value)
 * @param startLine first physical line of the logical line (continuations span several)
 */
public record IniEntry(String section, String key, String baseKey, boolean isArray, String rawValue,
    Span keySpan, Span valueSpan, int startLine, int endLine, boolean continued) {

  public boolean hasValue() {
    return rawValue != null;
  }
}
