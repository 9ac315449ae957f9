package io.harakalint.load;

import io.harakalint.model.FlatDocument;
import io.harakalint.model.Located;
import io.harakalint.text.JsPatterns;
import io.harakalint.text.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** haraka-config's flat reader ({@code lib/readers/flat.js}) with positions kept. */
public final class FlatParser {
  private FlatParser() {}

  public static FlatDocument parse(SourceFile file) {
    List<Located<String>> items = new ArrayList<>();
    for (SourceFile.Line line : file.lines()) {
      String t = line.text();
      if (JsPatterns.isBlank(t) || JsPatterns.isComment(t)) continue;
      int col = 1;
      while (col <= t.length() && JsPatterns.isWs(t.charAt(col - 1))) col++;
      items.add(new Located<>(JsPatterns.trim(t), file.spanAt(line.number(), col)));
    }
    return new FlatDocument(file, List.copyOf(items));
  }
}
