package io.harakalint.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One config file as bytes and as the text Haraka sees, with a line index.
 *
 * <p>haraka-config reads files with {@code readFileSync(name, 'UTF-8')}: invalid bytes become
 * U+FFFD and a BOM stays in the text (its regexes treat it as whitespace), and lines are split on
 * {@code \r\n|\r|\n}. This class keeps exactly that text so positions match what Haraka parsed, and
 * keeps the original bytes so fixes can rewrite a file without touching anything else.
 */
public final class SourceFile {
  private final String path;
  private final byte[] bytes;
  private final String text;
  private final boolean validUtf8;
  private final boolean containsNul;
  /**
   * Split on first use: list files (10,000 lines and more) are read straight from the text by the
   * flat parser, and a Line per line was a third of loading them. Volatile: trees are linted on
   * several threads, and a racing second split yields an equal list.
   */
  private volatile List<Line> lines;

  /**
   * A physical line: its 1-based number, its text without the line ending, and its offset in
   * {@link #text()}. The text is cut out of the file's text on first use: a recursive run splits
   * millions of lines, and most (comments, blank lines) are looked at once or never.
   */
  public static final class Line {
    private final int number;
    private final int offset;
    private final int end;
    private final String whole;
    private String text;

    Line(int number, String whole, int offset, int end) {
      this.number = number;
      this.whole = whole;
      this.offset = offset;
      this.end = end;
    }

    public int number() {
      return number;
    }

    public int offset() {
      return offset;
    }

    /** The line's length in UTF-16 units, without cutting it out. */
    public int length() {
      return end - offset;
    }

    public String text() {
      String t = text;
      if (t == null) {
        t = whole.substring(offset, end);
        text = t; // a benign race: every thread computes the same string
      }
      return t;
    }

    @Override
    public String toString() {
      return number + ": " + text();
    }
  }

  private SourceFile(String path, byte[] bytes, String text, boolean validUtf8, boolean containsNul) {
    this.path = path;
    this.bytes = bytes;
    this.text = text;
    this.validUtf8 = validUtf8;
    this.containsNul = containsNul;
  }

  public static SourceFile of(String path, byte[] bytes) {
    // One pass for both questions asked of every file: any byte >= 0x80 (its sign bit), any NUL.
    int any = 0;
    boolean nul = false;
    for (byte b : bytes) {
      any |= b;
      nul |= b == 0;
    }
    // Nearly every config file is ASCII, and valid UTF-8 decodes the same in Java and in Node: the
    // WHATWG decoder below is needed only for ill-formed input, where the two differ.
    if (any >= 0) return new SourceFile(path, bytes, new String(bytes, StandardCharsets.ISO_8859_1), true, nul);
    boolean valid = isValidUtf8(bytes);
    return new SourceFile(path, bytes, valid ? new String(bytes, StandardCharsets.UTF_8) : decode(bytes), valid, nul);
  }

  public static SourceFile of(String path, String text) {
    return of(path, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Path relative to the linted tree, with '/' separators. */
  public String path() {
    return path;
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }

  public String text() {
    return text;
  }

  public boolean isValidUtf8() {
    return validUtf8;
  }

  public boolean hasBom() {
    return text.startsWith("\uFEFF");
  }

  /** Known from the start: the loader and the inline-waiver scan ask for every file, history for every commit. */
  public boolean containsNul() {
    return containsNul;
  }

  /** Physical lines exactly as haraka-config splits them; a final empty line after the last break is kept. */
  public List<Line> lines() {
    List<Line> l = lines;
    if (l == null) {
      l = splitLines(text);
      lines = l;
    }
    return l;
  }

  /** The line ending after physical line {@code number} ("\r\n", "\n", "\r", or "" for the last line). */
  public String lineEnding(int number) {
    List<Line> lines = lines();
    if (number >= lines.size()) return "";
    int end = lines.get(number - 1).offset() + lines.get(number - 1).length();
    return text.substring(end, lines.get(number).offset());
  }

  /** Offset in {@link #text()} of a 1-based line and column. */
  public int offsetOf(int line, int column) {
    return lines().get(line - 1).offset() + column - 1;
  }

  public Line line(int number) {
    return lines().get(number - 1);
  }

  public Span spanAt(int line, int column) {
    return new Span(path, line, Math.max(1, column));
  }

  /**
   * Decodes like Node's {@code Buffer.toString('utf8')}: the WHATWG Encoding Standard's UTF-8
   * decoder, one U+FFFD per maximal subpart of an ill-formed sequence.
   *
   * <p>Fidelity fix (found by HarakaConfigFidelityTest): this used Java's UTF-8 CharsetDecoder with
   * REPLACE, which agrees with Node everywhere except on encoded UTF-16 surrogates: Java turns
   * {@code ED A0 80} (and any {@code ED A0..BF xx}) into ONE U+FFFD, Node into THREE (after
   * {@code ED} only {@code 80..9F} may follow, so {@code ED}, {@code A0} and {@code 80} are each an
   * error). Keys, values and section names holding such bytes then differed from haraka-config's.
   */
  private static String decode(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    int needed = 0;
    int seen = 0;
    int codePoint = 0;
    int lower = 0x80;
    int upper = 0xBF;
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xFF;
      if (needed == 0) {
        if (b <= 0x7F) {
          out.append((char) b);
        } else if (b >= 0xC2 && b <= 0xDF) {
          needed = 1;
          codePoint = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
          if (b == 0xE0) lower = 0xA0;
          if (b == 0xED) upper = 0x9F;
          needed = 2;
          codePoint = b & 0x0F;
        } else if (b >= 0xF0 && b <= 0xF4) {
          if (b == 0xF0) lower = 0x90;
          if (b == 0xF4) upper = 0x8F;
          needed = 3;
          codePoint = b & 0x07;
        } else {
          out.append('\uFFFD');
        }
        continue;
      }
      if (b < lower || b > upper) {
        // The sequence so far is one error; the byte itself is decoded again from scratch.
        needed = seen = codePoint = 0;
        lower = 0x80;
        upper = 0xBF;
        out.append('\uFFFD');
        i--;
        continue;
      }
      lower = 0x80;
      upper = 0xBF;
      codePoint = (codePoint << 6) | (b & 0x3F);
      if (++seen == needed) {
        out.appendCodePoint(codePoint);
        needed = seen = codePoint = 0;
      }
    }
    if (needed != 0) out.append('\uFFFD');
    return out.toString();
  }

  /** Well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF), checked without allocating. */
  static boolean isValidUtf8(byte[] bytes) {
    int i = 0;
    int n = bytes.length;
    while (i < n) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        i++;
        continue;
      }
      int need;
      int lower = 0x80;
      int upper = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        if (b == 0xE0) lower = 0xA0;
        if (b == 0xED) upper = 0x9F;
      } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        if (b == 0xF0) lower = 0x90;
        if (b == 0xF4) upper = 0x8F;
      } else {
        return false;
      }
      for (int k = 1; k <= need; k++) {
        if (i + k >= n) return false;
        int c = bytes[i + k] & 0xFF;
        if (c < (k == 1 ? lower : 0x80) || c > (k == 1 ? upper : 0xBF)) return false;
      }
      i += need + 1;
    }
    return true;
  }


  private static List<Line> splitLines(String text) {
    List<Line> out = new ArrayList<>(Math.max(16, text.length() / 32));
    int start = 0;
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') {
        out.add(new Line(n++, text, start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
        start = i + 1;
      }
    }
    out.add(new Line(n, text, start, text.length()));
    return Collections.unmodifiableList(out);
  }
}
