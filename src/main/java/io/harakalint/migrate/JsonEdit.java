package io.harakalint.migrate;

import java.util.Map;

/**
 * A text edit of package.json's top-level {@code "dependencies"} object that keeps every other byte:
 * the value of one key replaced, new keys appended after the last entry with the indentation of the
 * existing ones. The caller has checked with Jackson that the text is valid JSON.
 */
final class JsonEdit {
  private JsonEdit() {}

  /** The edited text, or null when there is no top-level "dependencies" object to edit. */
  static String editDependencies(String text, String key, String newValue, Map<String, String> add) {
    int[] obj = dependenciesObject(text);
    if (obj == null) return null;
    int open = obj[0];
    int close = obj[1];
    String body = text.substring(open + 1, close);
    if (key != null && newValue != null) {
      int k = findKey(body, key);
      if (k < 0) return null;
      int colon = body.indexOf(':', k);
      int q1 = body.indexOf('"', colon);
      int q2 = endOfString(body, q1);
      body = body.substring(0, q1) + quote(newValue) + body.substring(q2 + 1);
    }
    if (!add.isEmpty()) {
      String nl = text.contains("\r\n") ? "\r\n" : "\n";
      int last = body.length() - 1;
      while (last >= 0 && Character.isWhitespace(body.charAt(last))) last--;
      String indent = entryIndent(text, open, body);
      StringBuilder ins = new StringBuilder();
      boolean first = last < 0;
      for (Map.Entry<String, String> e : add.entrySet()) {
        if (!first) ins.append(',');
        first = false;
        ins.append(nl).append(indent).append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
      }
      if (last < 0) {
        body = ins + nl + lineIndent(text, open);
      } else {
        body = body.substring(0, last + 1) + ins + body.substring(last + 1);
      }
    }
    return text.substring(0, open + 1) + body + text.substring(close);
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** Indentation of the first entry, or the object's line indentation plus two spaces. */
  private static String entryIndent(String text, int open, String body) {
    int nl = body.indexOf('\n');
    if (nl >= 0) {
      int i = nl + 1;
      while (i < body.length() && (body.charAt(i) == ' ' || body.charAt(i) == '\t')) i++;
      if (i < body.length() && body.charAt(i) == '"') return body.substring(nl + 1, i);
    }
    return lineIndent(text, open) + "  ";
  }

  private static String lineIndent(String text, int at) {
    int start = text.lastIndexOf('\n', at) + 1;
    int i = start;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
    return text.substring(start, i);
  }

  /** Position of the opening quote of key {@code key} at depth 0 of {@code body}, or -1. */
  private static int findKey(String body, String key) {
    int depth = 0;
    boolean expectKey = true;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '"') {
        int end = endOfString(body, i);
        if (depth == 0 && expectKey && body.substring(i + 1, end).equals(key)) return i;
        i = end;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      } else if (depth == 0 && c == ',') {
        expectKey = true;
      } else if (depth == 0 && c == ':') {
        expectKey = false;
      }
    }
    return -1;
  }

  /** [open brace, close brace] of the top-level "dependencies" object, or null. */
  private static int[] dependenciesObject(String text) {
    int depth = 0;
    boolean expectKey = false;
    boolean found = false;
    int open = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        int end = endOfString(text, i);
        if (depth == 1 && expectKey && text.substring(i + 1, end).equals("dependencies")) found = true;
        i = end;
      } else if (c == '{' || c == '[') {
        if (found && depth == 1 && open < 0) {
          if (c != '{') return null;
          open = i;
        }
        depth++;
        if (depth == 1) expectKey = true;
      } else if (c == '}' || c == ']') {
        depth--;
        if (open >= 0 && depth == 1) return new int[] {open, i};
      } else if (depth == 1 && c == ',') {
        expectKey = true;
        if (found && open < 0) return null; // "dependencies" with a non-object value
      } else if (depth == 1 && c == ':') {
        expectKey = false;
      }
    }
    return null;
  }

  private static int endOfString(String s, int openQuote) {
    for (int i = openQuote + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') i++;
      else if (c == '"') return i;
    }
    return s.length() - 1;
  }
}
