package io.harakalint.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.model.Located;
import io.harakalint.text.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * List files (relay_acl_allow, host_list, plugins) written any way an editor might: a BOM, \n, \r\n
 * or \r, indentation, trailing white space, comments and blank lines between entries. The reader
 * returns exactly the entries, in order, each at its own line and first non-blank column.
 */
class FlatParserProperties {
  record Written(String text, List<String> entries, List<Integer> lines, List<Integer> columns) {}

  @Provide
  Arbitrary<Written> listFiles() {
    Arbitrary<String> entry = Arbitraries.oneOf(Arbitraries.of("192.0.2.5/32", "2001:db8::25", "example.com", "queue/smtp_forward",
            "auth/flat_file", "a b", "x#y"),
        Arbitraries.strings().withChars("abc.:/-_0123456789").ofMinLength(1).ofMaxLength(12));
    Arbitrary<String> filler = Arbitraries.of("", "# comment", "   ", "\t# indented comment", "#");
    Arbitrary<String> eol = Arbitraries.of("\n", "\r\n", "\r");
    Arbitrary<String> ws = Arbitraries.of("", " ", "\t", "  ");
    Arbitrary<List<String[]>> rows = Combinators.combine(entry, filler, eol, ws, ws, Arbitraries.of(true, false))
        .as((e, f, l, lead, trail, isEntry) -> new String[] {isEntry ? lead + e + trail : f, l, isEntry ? e : null,
            Integer.toString(lead.length() + 1)})
        .list().ofMaxSize(30);
    return Combinators.combine(rows, Arbitraries.of(true, false), Arbitraries.of(true, false)).as((rs, bom, lastEol) -> {
      StringBuilder text = new StringBuilder(bom ? "\uFEFF" : "");
      List<String> entries = new ArrayList<>();
      List<Integer> lines = new ArrayList<>();
      List<Integer> cols = new ArrayList<>();
      for (int i = 0; i < rs.size(); i++) {
        String[] r = rs.get(i);
        text.append(r[0]);
        // "\r" then an empty line ending in "\n" would be one "\r\n" break, not two lines.
        String end = r[0].isEmpty() && text.length() > 0 && text.charAt(text.length() - 1) == '\r' && r[1].startsWith("\n") ? "\r" : r[1];
        if (i < rs.size() - 1 || lastEol) text.append(end);
        if (r[2] != null) {
          entries.add(r[2]);
          lines.add(i + 1);
          // Node keeps a BOM as line 1's first character (JS trim drops it), so it is a column there.
          cols.add(Integer.parseInt(r[3]) + (bom && i == 0 ? 1 : 0));
        }
      }
      return new Written(text.toString(), entries, lines, cols);
    });
  }

  @Property(tries = 400)
  void readsExactlyTheEntriesAtTheirPlaces(@ForAll("listFiles") Written w) {
    byte[] bytes = w.text().getBytes(StandardCharsets.UTF_8);
    SourceFile f = SourceFile.of("config/relay_acl_allow", bytes);
    List<Located<String>> items = FlatParser.parse(f).items();
    assertThat(items.stream().map(Located::value).toList()).as(w.text()).isEqualTo(w.entries());
    assertThat(items.stream().map(i -> i.span().line()).toList()).as(w.text()).isEqualTo(w.lines());
    assertThat(items.stream().map(i -> i.span().column()).toList()).as(w.text()).isEqualTo(w.columns());
    assertThat(f.text().getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
  }
}
