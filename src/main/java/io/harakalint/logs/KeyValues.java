package io.harakalint.logs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code key=value} text Haraka's {@code logger.js stringify} writes: values with a space, '=',
 * a quote, a backslash or a line break are double-quoted, with {@code \"}, {@code \\}, {@code \r}
 * and {@code \n} escaped; an empty value is {@code ""}.
 */
final class KeyValues {
  private KeyValues() {}

  /** The value of {@code key} in {@code text} (the first pair with that key), or null. */
  static String find(String text, String key) {
    int from = 0;
    while (true) {
      int at = text.indexOf(key + "=", from);
      if (at < 0) return null;
      if (at == 0 || text.charAt(at - 1) == ' ') return value(text, at + key.length() + 1);
      from = at + 1;
    }
  }

  /** Every pair, in order; words without '=' (the free text before the pairs) are skipped. */
  static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && text.charAt(i) == ' ') i++;
      int start = i;
      while (i < n && text.charAt(i) != ' ' && text.charAt(i) != '=') i++;
      if (i < n && text.charAt(i) == '=' && i > start) {
        String key = text.substring(start, i);
        String v = value(text, i + 1);
        out.putIfAbsent(key, v);
        i = end(text, i + 1);
      } else {
        while (i < n && text.charAt(i) != ' ') i++;
      }
    }
    return out;
  }

  private static String value(String text, int at) {
    if (at < text.length() && text.charAt(at) == '"') {
      StringBuilder sb = new StringBuilder();
      for (int i = at + 1; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"') return sb.toString();
        if (c == '\\' && i + 1 < text.length()) {
          char e = text.charAt(++i);
          sb.append(e == 'n' ? '\n' : e == 'r' ? '\r' : e);
        } else {
          sb.append(c);
        }
      }
      return sb.toString();
    }
    int end = text.indexOf(' ', at);
    return text.substring(at, end < 0 ? text.length() : end);
  }

  /** The index just after the value that starts at {@code at}. */
  private static int end(String text, int at) {
    if (at < text.length() && text.charAt(at) == '"') {
      for (int i = at + 1; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\\') i++;
        else if (c == '"') return i + 1;
      }
      return text.length();
    }
    int end = text.indexOf(' ', at);
    return end < 0 ? text.length() : end;
  }
}
