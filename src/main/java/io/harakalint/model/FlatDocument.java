package io.harakalint.model;

import io.harakalint.text.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A flat file ({@code value}, {@code list} or {@code data}) as haraka-config reads it
 * ({@code lib/readers/flat.js}): comment and blank lines dropped, the rest trimmed. No inline
 * comments are removed, so {@code 10.0.0.0/8 # office} is one item with the comment in it.
 */
public record FlatDocument(SourceFile source, List<Located<String>> items) {
  private static final Pattern INTEGER = Pattern.compile("^-?[0-9]+\\z");
  private static final Pattern FLOAT = Pattern.compile("^-?[0-9]+\\.[0-9]+\\z");

  public String path() {
    return source.path();
  }

  /** The {@code value} reading: the first item, typed like an INI value; empty when there is none. */
  public Optional<Located<IniValue>> value() {
    if (items.isEmpty()) return Optional.empty();
    Located<String> first = items.get(0);
    String v = first.value();
    IniValue typed;
    if (INTEGER.matcher(v).matches()) typed = new IniValue.Num(Double.parseDouble(v), true);
    else if (FLOAT.matcher(v).matches()) typed = new IniValue.Num(Double.parseDouble(v), false);
    else typed = new IniValue.Str(v);
    return Optional.of(new Located<>(typed, first.span()));
  }
}
