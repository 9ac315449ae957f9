package io.harakalint.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.harakalint.text.JsPatterns;
import io.harakalint.text.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of the readers every config byte goes through. In a plain test run each
 * target replays the inputs committed under {@code ParserFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} (the "fuzz" Maven profile) Jazzer fuzzes one target for its time budget.
 * Whatever the bytes, a reader neither throws nor points outside the file, and the text a fix would
 * rewrite comes back byte for byte.
 */
class ParserFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void iniParser(byte[] bytes) {
    SourceFile f = SourceFile.of("config/x.ini", bytes);
    IniParserProperties.parsesInsideTheFile(f, List.of("+main.k", "-*.acl", "main.on"));
    assertRoundTrips(f, bytes);
  }

  @FuzzTest(maxDuration = "20s")
  void flatParser(byte[] bytes) {
    SourceFile f = SourceFile.of("config/relay_acl_allow", bytes);
    int lines = f.lines().size();
    FlatParser.parse(f).items().forEach(i -> {
      assertThat(i.span().line()).isBetween(1, lines);
      assertThat(i.value()).isNotEmpty().isEqualTo(JsPatterns.trim(i.value()));
      assertThat(f.line(i.span().line()).text()).contains(i.value());
    });
    assertRoundTrips(f, bytes);
  }

  @FuzzTest(maxDuration = "20s")
  void structuredParser(FuzzedDataProvider data) {
    String ext = data.pickValue(new String[] {"json", "yaml", "hjson"});
    SourceFile f = SourceFile.of("config/x." + ext, data.consumeRemainingAsBytes());
    StructuredParser.Result r = StructuredParser.parse(f);
    // Either a value or a one-line reason, never both, never neither.
    assertThat(r.value() == null).isNotEqualTo(r.error() == null);
    if (r.error() != null) assertThat(r.error()).doesNotContain("\n");
  }

  /** Valid UTF-8 text is what a fix edits: decoding and encoding it again must keep every byte. */
  static void assertRoundTrips(SourceFile f, byte[] bytes) {
    if (!f.isValidUtf8()) return;
    assertThat(f.text().getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
    StringBuilder rebuilt = new StringBuilder();
    for (int i = 1; i <= f.lines().size(); i++) rebuilt.append(f.line(i).text()).append(f.lineEnding(i));
    assertThat(rebuilt.toString()).isEqualTo(f.text());
  }
}
