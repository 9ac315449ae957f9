package io.harakalint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harakalint.rules.Finding;
import io.harakalint.rules.Severity;
import io.harakalint.text.Span;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Details of the formats that are easiest to see on a report built in memory. */
class ReportFormatsUnitTest {
  @Test
  void rdjsonColumnsCountUtf8BytesAndSarifColumnsUtf16Units() throws Exception {
    // "éé=" is 3 characters but 5 bytes: column 4 (the value) is byte column 6.
    Finding f = new Finding(SyntheticReports.rule("HL102"), Severity.MEDIUM, new Span("config/x.ini", 1, 4), "m", "a");
    LintReport r = SyntheticReports.of(List.of(f), Map.of("config/x.ini", List.of("éé=value")));
    StringWriter w = new StringWriter();
    new RdjsonReporter().write(List.of(r), w);
    JsonNode d = new ObjectMapper().readTree(w.toString()).at("/diagnostics/0");
    assertThat(d.at("/location/range/start/column").asInt()).isEqualTo(6);
    assertThat(d.at("/location/path").asText()).isEqualTo("mail/config/x.ini");
    w = new StringWriter();
    new SarifReporter().write(List.of(r), w);
    JsonNode region = new ObjectMapper().readTree(w.toString()).at("/runs/0/results/0/locations/0/physicalLocation/region");
    assertThat(region.at("/startColumn").asInt()).isEqualTo(4);
    assertThat(region.at("/endColumn").asInt()).isEqualTo(9); // end of the line, exclusive
  }

  @Test
  void excerptsMaskPasswordLikeValuesAndHideSecretFiles() {
    Finding plain = new Finding(SyntheticReports.rule("HL102"), Severity.MEDIUM, new Span("config/outbound.ini", 3, 1), "m", "a");
    Finding secret = new Finding(SyntheticReports.rule("HL501"), Severity.MEDIUM, new Span("config/auth_flat_file.ini", 2, 1), "m", "b");
    Finding key = new Finding(SyntheticReports.rule("HL502"), Severity.MEDIUM, new Span("config/dkim.txt", 1, 1), "m", "c");
    LintReport r = SyntheticReports.of(List.of(plain, secret, key), Map.of(
        "config/outbound.ini", List.of("[main]", "auth_pass = hunter2-value", "enable_tls=false", "password: abc", "x=1"),
        "config/auth_flat_file.ini", List.of("[users]", "alice=hunter3"),
        "config/dkim.txt", List.of("-----BEGIN RSA PRIVATE KEY-----", "MIIkeydata", "-----END RSA PRIVATE KEY-----")));
    ReportView.ExcerptView e = ReportView.excerpt(r, plain);
    assertThat(e.hidden()).isFalse();
    assertThat(e.lines()).extracting(ReportView.LineView::number).containsExactly(1, 2, 3, 4, 5);
    assertThat(e.lines().get(2).hit()).isTrue();
    assertThat(e.lines().get(1).text()).startsWith("auth_pass = ").doesNotContain("hunter2");
    assertThat(e.lines().get(3).text()).doesNotContain("abc");
    assertThat(ReportView.excerpt(r, secret).hidden()).isTrue();
    assertThat(ReportView.excerpt(r, secret).lines()).isEmpty();
    assertThat(ReportView.excerpt(r, key).hidden()).isTrue();
  }

  @Test
  void rulePagesBecomeEscapedHtmlWithoutLinksOrMarkers() {
    String html = Markdown.pageToHtml("""
        # HL999: Title

        Text with `<code>` and **bold** and a [link](https://example.com/x) <script>alert(1)</script>.

        ## Failing example
        ```ini file=config/relay.ini
        [relay]
        ; expect: HL201
        all=true
        ```

        1. First
           continued
        2. Second
        - bullet
        """);
    assertThat(html).doesNotContain("HL999: Title").doesNotContain("expect:").doesNotContain("<script>")
        .doesNotContain("href=");
    assertThat(html).contains("<code>&lt;code&gt;</code>").contains("<strong>bold</strong>")
        .contains("link (https://example.com/x)")
        .contains("&lt;script&gt;").contains("<h4>Failing example</h4>").contains("<figcaption>config/relay.ini</figcaption>")
        .contains("<ol>\n<li>First continued</li>\n<li>Second</li>\n</ol>\n<ul>\n<li>bullet</li>\n</ul>");
  }

  @Test
  void markdownEscapingKeepsTextLiteral() {
    assertThat(Markdown.escape("a|b <x> *y* _z_ [l](u) \\ `c`\nnext"))
        .isEqualTo("a\\|b &lt;x&gt; \\*y\\* \\_z\\_ \\[l\\](u) \\\\ \\`c\\` next");
    assertThat(Markdown.code("a`b")).isEqualTo("``a`b``");
  }
}
