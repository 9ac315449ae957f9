package io.harakalint.load;

import io.harakalint.model.FlatDocument;
import io.harakalint.model.Located;
import io.harakalint.text.JsPatterns;
import io.harakalint.text.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** haraka-config's flat reader ({@code lib/readers/flat.js}) with positions kept. */
public final class FlatParser {
  private FlatParser() {}

  public static FlatDocument parse(SourceFile file) {
    // Lists can be 10,000 lines, so this walks the text itself instead of SourceFile.lines() (a
    // String and a Line per line): lines split on \r\n, \r or \n as there, blank and comment lines
    // skipped, the rest trimmed, one String per item.
    String text = file.text();
    int len = text.length();
    List<Located<String>> items = new ArrayList<>();
    int lineStart = 0;
    for (int number = 1; ; number++) {
      int lineEnd = lineStart;
      while (lineEnd < len && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') lineEnd++;
      int b = lineStart;
      while (b < lineEnd && JsPatterns.isWs(text.charAt(b))) b++;
      char first = b < lineEnd ? text.charAt(b) : 0;
      if (b < lineEnd && !((first == ';' || first == '#') && JsPatterns.isComment(text, b, lineEnd))) {
        int e = lineEnd;
        while (e > b && JsPatterns.isWs(text.charAt(e - 1))) e--;
        items.add(new Located<>(text.substring(b, e), file.spanAt(number, b - lineStart + 1)));
      }
      if (lineEnd >= len) break;
      lineStart = lineEnd + (text.charAt(lineEnd) == '\r' && lineEnd + 1 < len && text.charAt(lineEnd + 1) == '\n' ? 2 : 1);
    }
    return new FlatDocument(file, Collections.unmodifiableList(items));
  }
}
