package io.harakalint.load;

import io.harakalint.text.JsPatterns;

/**
 * haraka-config's line regexes ({@code lib/regex.js}) as hand-written scanners. Each gives exactly
 * the match, groups and offsets that the regex transcriptions in {@link IniParser} gave (JS
 * {@code \s}, JS {@code .}, {@code $} as end of input); they exist because the regexes were half of
 * the loader's time on a large recursive run. HarakaConfigFidelityTest checks them against
 * haraka-config itself on 3,060 files, and IniLineMatchTest against the regexes on generated lines.
 */
final class IniLineMatch {
  private IniLineMatch() {}

  /**
   * {@code /^\s*\[([^\]]*)\]\s*$/}: the section name's [start, end) in {@code line}, or null. The
   * name is everything up to the first ']' (the class admits any other character), and only white
   * space may follow that ']'.
   */
  static int[] section(String line) {
    int i = skipWs(line, 0);
    if (i >= line.length() || line.charAt(i) != '[') return null;
    int close = line.indexOf(']', i + 1);
    if (close < 0 || skipWs(line, close + 1) != line.length()) return null;
    return new int[] {i + 1, close};
  }

  /**
   * {@code /^\s*([\w@:._+\-/[\]]+)\s*(?:=\s*(.*?)\s*)?$/}: {key start, key end, value start, value
   * end} with value start -1 when there is no '=', or null when the line does not match. The key is
   * the longest run of key characters (none of them is white space or '=', so the regex cannot
   * backtrack into it); the value runs from the first non-space after '=' to the last non-space, and
   * may not hold a JS line terminator (U+2028, U+2029) before its end.
   */
  static int[] param(String line) {
    int n = line.length();
    int keyStart = skipWs(line, 0);
    int i = keyStart;
    while (i < n && isKeyChar(line.charAt(i))) i++;
    if (i == keyStart) return null;
    int keyEnd = i;
    i = skipWs(line, i);
    if (i == n) return new int[] {keyStart, keyEnd, -1, -1};
    if (line.charAt(i) != '=') return null;
    int valueStart = skipWs(line, i + 1);
    int valueEnd = n;
    while (valueEnd > valueStart && JsPatterns.isWs(line.charAt(valueEnd - 1))) valueEnd--;
    for (int j = valueStart; j < valueEnd; j++) {
      char c = line.charAt(j);
      if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') return null;
    }
    return new int[] {keyStart, keyEnd, valueStart, valueEnd};
  }

  /** {@code /\\[ \t]*$/} (find): where the continuation backslash is, or -1. */
  static int continuation(String line) {
    int i = line.length();
    while (i > 0 && (line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) i--;
    return i > 0 && line.charAt(i - 1) == '\\' ? i - 1 : -1;
  }

  private static boolean isKeyChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '_' || c == '@' || c == ':' || c == '.' || c == '+' || c == '-' || c == '/' || c == '[' || c == ']';
  }

  private static int skipWs(String s, int from) {
    int i = from;
    while (i < s.length() && JsPatterns.isWs(s.charAt(i))) i++;
    return i;
  }
}
