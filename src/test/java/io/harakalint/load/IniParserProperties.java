package io.harakalint.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.model.IniDocument;
import io.harakalint.model.IniEntry;
import io.harakalint.model.IniFile;
import io.harakalint.text.SourceFile;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever bytes a config file holds, the parser neither throws nor points outside the file. */
class IniParserProperties {
  @Provide
  Arbitrary<byte[]> iniLikeBytes() {
    Arbitrary<String> line = Arbitraries.oneOf(
        Arbitraries.of("[main]", "[ s ]", "[2001:db8::1]", "[x] ; c", "; c", "# c", "", "k=v", "k[]=1", "k=", "k",
            "a=1 \\", "  \\", "acl=true ; x", "\uFEFFk=1", "__proto__=1", "[constructor]", "x: y", "k=\u2028v"),
        Arbitraries.strings().ofMaxLength(30));
    Arbitrary<String> eol = Arbitraries.of("\n", "\r\n", "\r");
    return Arbitraries.oneOf(
        line.list().ofMaxSize(25).flatMap(ls -> eol.map(e -> String.join(e, ls).getBytes(java.nio.charset.StandardCharsets.UTF_8))),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(200));
  }

  @Property(tries = 500)
  void neverThrowsAndSpansStayInsideTheFile(@ForAll("iniLikeBytes") byte[] bytes) {
    parsesInsideTheFile(SourceFile.of("config/x.ini", bytes), List.of("+main.k", "-*.acl"));
  }

  /**
   * Parses {@code f} and types it with {@code booleans}: every entry and diagnostic points at a line
   * of the file. Shared with the coverage-guided run (ParserFuzzTest).
   */
  static void parsesInsideTheFile(SourceFile f, List<String> booleans) {
    IniDocument doc = IniParser.parse(f);
    int lines = f.lines().size();
    for (IniEntry e : doc.entries()) {
      assertThat(e.keySpan().line()).isBetween(1, lines);
      assertThat(e.valueSpan().line()).isBetween(1, lines);
      assertThat(e.startLine()).isLessThanOrEqualTo(e.endLine());
    }
    doc.diagnostics().forEach(d -> assertThat(d.span().line()).isBetween(1, lines));
    new IniFile("config/x.ini", doc, booleans).sectionNames();
  }

  @Property(tries = 300)
  void flatParserKeepsEveryNonCommentLineTrimmed(@ForAll("iniLikeBytes") byte[] bytes) {
    SourceFile f = SourceFile.of("config/x", bytes);
    var doc = FlatParser.parse(f);
    doc.items().forEach(i -> {
      assertThat(i.value()).isEqualTo(io.harakalint.text.JsPatterns.trim(i.value()));
      assertThat(i.value()).isNotEmpty();
      assertThat(f.line(i.span().line()).text()).contains(i.value());
    });
  }
}
