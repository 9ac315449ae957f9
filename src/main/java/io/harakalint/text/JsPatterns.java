package io.harakalint.text;

/**
 * Building blocks that make Java regexes behave like the JavaScript ones in haraka-config.
 *
 * <p>JS {@code \s} is Unicode whitespace plus BOM; Java's {@code \s} is ASCII only. JS {@code .}
 * stops at \n, \r, U+2028, U+2029; Java's also stops at U+0085. JS {@code $} without the m flag is
 * the end of input; Java's also matches before a final line terminator. So haraka-config's
 * patterns are spelled out with these pieces and {@code \z}.
 */
public final class JsPatterns {
  /** ECMAScript WhiteSpace and LineTerminator code points: what JS {@code \s} matches. */
  public static final String WS =
      "[\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]";
  /** What JS {@code .} matches without the s flag. */
  public static final String DOT = "[^\\n\\r\\u2028\\u2029]";

  private JsPatterns() {}

  /** JS {@code String.prototype.trim}: strips WS from both ends. */
  public static String trim(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && isWs(s.charAt(b))) b++;
    while (e > b && isWs(s.charAt(e - 1))) e--;
    return s.substring(b, e);
  }

  public static boolean isWs(char c) {
    // ASCII first (nearly every character tested): tab, LF, VT, FF, CR and space.
    if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
    switch (c) {
      case '\t': case '\n': case '\u000B': case '\f': case '\r': case ' ': case '\u00A0': case '\u1680':
      case '\u2028': case '\u2029': case '\u202F': case '\u205F': case '\u3000': case '\uFEFF':
        return true;
      default:
        return c >= '\u2000' && c <= '\u200A';
    }
  }

  public static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) if (!isWs(s.charAt(i))) return false;
    return true;
  }

  /** haraka-config's {@code comment} regex {@code ^\s*[;#].*$}: the first non-space character is ; or #. */
  public static boolean isComment(String s) {
    return isComment(s, 0, s.length());
  }

  /** {@link #isComment(String)} for the line {@code s[from, to)}, without cutting it out. */
  public static boolean isComment(CharSequence s, int from, int to) {
    int i = from;
    while (i < to && isWs(s.charAt(i))) i++;
    if (i >= to) return false;
    char c = s.charAt(i);
    if (c != ';' && c != '#') return false;
    // '.*$' must reach the end: JS '.' does not cross U+2028/U+2029 (\r and \n were split off).
    for (int j = i + 1; j < to; j++) {
      char d = s.charAt(j);
      if (d == '\u2028' || d == '\u2029') return false;
    }
    return true;
  }
}
