package io.harakalint.text;

/**
 * Where something sits in a config file: the file relative to the linted tree (with '/'
 * separators), a 1-based line and a 1-based column. Every finding and every typed value carries one.
 */
public record Span(String file, int line, int column) {
  public Span {
    if (line < 1 || column < 1) throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
  }

  /** The start of a file, for findings about something that is missing from it. */
  public static Span startOf(String file) {
    return new Span(file, 1, 1);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
