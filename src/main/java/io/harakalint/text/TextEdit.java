package io.harakalint.text;

/**
 * Replace the text between two positions of one file (1-based line and column, end exclusive) with
 * {@code replacement}. An insertion has start == end; a deletion an empty replacement.
 */
public record TextEdit(String file, int line, int column, int endLine, int endColumn, String replacement) {
  public static TextEdit replace(Span from, Span to, String replacement) {
    return new TextEdit(from.file(), from.line(), from.column(), to.line(), to.column(), replacement);
  }

  /** The whole of physical line {@code line} including its line ending. */
  public static TextEdit deleteLine(SourceFile f, int line) {
    int next = line + 1;
    if (next <= f.lines().size()) return new TextEdit(f.path(), line, 1, next, 1, "");
    return new TextEdit(f.path(), line, 1, line, f.line(line).text().length() + 1, "");
  }

  /** Physical line {@code line} without its line ending, replaced. */
  public static TextEdit replaceLine(SourceFile f, int line, String text) {
    return new TextEdit(f.path(), line, 1, line, f.line(line).text().length() + 1, text);
  }
}
