package io.harakalint.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A file's text as lines that keep their own terminators, so an edit touches only the lines it
 * inserts or replaces: CRLF, a BOM, comments and trailing white space elsewhere stay byte for byte.
 */
final class LineText {
  /** Haraka's lib/regex.js section pattern. */
  private static final Pattern SECTION = Pattern.compile("^\\s*\\[([^\\]]*)\\]\\s*$");

  private final List<String> lines = new ArrayList<>();
  private final String eol;

  LineText(String text) {
    int at = 0;
    while (at < text.length()) {
      int nl = text.indexOf('\n', at);
      if (nl < 0) {
        lines.add(text.substring(at));
        break;
      }
      lines.add(text.substring(at, nl + 1));
      at = nl + 1;
    }
    eol = text.contains("\r\n") ? "\r\n" : "\n";
  }

  String eol() {
    return eol;
  }

  int size() {
    return lines.size();
  }

  /** Line {@code i} without its terminator (and without a leading BOM). */
  String content(int i) {
    String l = lines.get(i);
    if (l.endsWith("\n")) l = l.substring(0, l.length() - 1);
    if (l.endsWith("\r")) l = l.substring(0, l.length() - 1);
    if (i == 0 && l.startsWith("\uFEFF")) l = l.substring(1);
    return l;
  }

  /** The section a line opens, or null. */
  String sectionOf(int i) {
    var m = SECTION.matcher(content(i));
    return m.matches() ? m.group(1).trim() : null;
  }

  boolean isBlankOrComment(int i) {
    String t = content(i).trim();
    return t.isEmpty() || t.startsWith(";") || t.startsWith("#");
  }

  /** The header line of {@code [name]}, or -1. */
  int sectionHeader(String name) {
    for (int i = 0; i < lines.size(); i++) if (name.equals(sectionOf(i))) return i;
    return -1;
  }

  /** The first line after {@code header} that opens another section, or {@link #size()}. */
  int sectionEnd(int header) {
    for (int i = header + 1; i < lines.size(); i++) if (sectionOf(i) != null) return i;
    return lines.size();
  }

  /** Inserts a line before line {@code i} ({@code i == size()} appends), with the file's line ending. */
  void insert(int i, String line) {
    if (i == lines.size()) {
      terminateLast();
    }
    lines.add(i, line + eol);
  }

  void append(String line) {
    insert(lines.size(), line);
  }

  void remove(int i) {
    lines.remove(i);
  }

  /** Replaces line {@code i}'s content, keeping its terminator and a leading BOM. */
  void replace(int i, String content) {
    String l = lines.get(i);
    String term = l.endsWith("\r\n") ? "\r\n" : l.endsWith("\n") ? "\n" : "";
    String bom = i == 0 && l.startsWith("\uFEFF") ? "\uFEFF" : "";
    lines.set(i, bom + content + term);
  }

  private void terminateLast() {
    if (lines.isEmpty()) return;
    int last = lines.size() - 1;
    if (!lines.get(last).endsWith("\n")) lines.set(last, lines.get(last) + eol);
  }

  @Override
  public String toString() {
    return String.join("", lines);
  }
}
