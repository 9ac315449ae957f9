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

  /** A list or value given by a "!name" override: array items (or one scalar) as strings. */
  public static FlatDocument fromStructured(SourceFile overrideFile, StructuredValue.Member override) {
    java.util.List<Located<String>> items = new java.util.ArrayList<>();
    if (override.value() instanceof StructuredValue.Arr arr) {
      for (StructuredValue v : arr.items()) {
        if (v instanceof StructuredValue.Scalar s && s.value() != null) items.add(new Located<>(scalarText(s), s.span()));
      }
    } else if (override.value() instanceof StructuredValue.Scalar s && s.value() != null) {
      items.add(new Located<>(scalarText(s), s.span()));
    }
    return new FlatDocument(overrideFile, List.copyOf(items));
  }

  private static String scalarText(StructuredValue.Scalar s) {
    if (s.value() instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
    return s.value().toString();
  }

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
