package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML audit report: self-contained, with the summary chart, findings in context and rule pages. */
class HtmlReportTest {
  /** Any attribute that would make a browser fetch or navigate somewhere else. */
  private static final Pattern EXTERNAL = Pattern.compile(
      "\\b(?:src|href|action|srcset|poster|data|formaction|xlink:href)\\s*=\\s*[\"']?\\s*(?:[a-z][a-z0-9+.-]*:|//)",
      Pattern.CASE_INSENSITIVE);

  @TempDir Path dir;

  static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }

  @Test
  void sampleReportIsSelfContainedWithSummaryChartAndFindings() throws Exception {
    String page = ReportTrees.render(Path.of("samples/legacy-java8"), "html", dir.resolve("r.html"));
    Matcher m = EXTERNAL.matcher(page);
    assertThat(m.find()).as("external reference: %s", m.hitEnd() ? "" : page.substring(m.start(), Math.min(page.length(), m.end() + 40)))
        .isFalse();
    assertThat(page).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link ")
        .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("url(");
    assertThat(page).contains("Content-Security-Policy").contains("default-src 'none'");
    // target, Haraka version, date
    assertThat(page).contains("<dt>Target</dt><dd class=\"mono\">samples/legacy-java8</dd>")
        .contains("<dt>Haraka version</dt><dd>3.1.6").containsPattern("<dt>Date</dt><dd>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    // summary with the inline chart: one bar per severity that has findings
    assertThat(page).contains("<svg class=\"chart\"").contains("class=\"bar bar-critical\"")
        .contains("class=\"bar bar-high\"").contains("class=\"bar bar-medium\"").doesNotContain("class=\"bar bar-low\"");
    assertThat(page).contains("10 findings");
    // findings grouped by file, with the line in context (±2) and the offending line marked
    assertThat(page).contains("<h4>config/tls.ini</h4>");
    assertThat(page).contains(html("[main] minVersion is 'TLSv1 ; for java8', which Node does not accept"));
    assertThat(page).contains("<span class=\"l hit\"><span class=\"n\">19</span>minVersion=TLSv1 ; for java8</span>");
    assertThat(page).contains("<span class=\"n\">17</span>").contains("<span class=\"n\">21</span>");
    // rule pages of the rules that fired, and only those
    assertThat(page).contains("id=\"rule-HL306\"").contains("<h4>Why it matters</h4>").doesNotContain("id=\"rule-HL201\"");
    assertThat(page).doesNotContain("; expect:");
  }

  @Test
  void secretsShowNoContentAndWaiversShowReasonOwnerExpiry() throws Exception {
    Path tree = ReportTrees.audit(dir.resolve("repo"));
    String page = ReportTrees.render(tree, "html", dir.resolve("audit.html"));
    for (String secret : ReportTrees.SECRETS) assertThat(page).doesNotContain(secret);
    assertThat(page).contains("<h4>config/auth_flat_file.ini</h4>").contains("Content not shown.")
        .contains("The finding is on line 5.");
    assertThat(page).contains("<h3>Waived findings</h3>")
        .contains(html("Scanner on floor 2 cannot do TLS 1.2 until the firmware update (FAC-77)"))
        .contains("facilities@example.com").contains("2027-03-31");
    assertThat(page).contains("Waiver <b>old-printer</b> expired on 2026-01-01");
  }

  @Test
  void untrustedTextIsEscaped() throws Exception {
    ReportTrees.write(dir, "config/plugins", "relay\n<script>alert(1)</script>\n");
    ReportTrees.write(dir, "config/relay.ini", "[relay]\nall=true\n");
    String page = ReportTrees.render(dir, "html", dir.resolve("x.html"));
    assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;");
  }
}
