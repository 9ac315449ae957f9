package io.harakalint.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.rules.Finding;
import io.harakalint.rules.Severity;
import io.harakalint.text.Span;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReporterTest {
  private static String render(ReportOptions o, LintReport... reports) throws Exception {
    StringWriter w = new StringWriter();
    new MarkdownReporter(o).write(List.of(reports), w);
    return w.toString();
  }

  @Test
  void commentHasMarkerVerdictTableAndRuleDetails() throws Exception {
    Finding relay = new Finding(SyntheticReports.rule("HL201"), Severity.CRITICAL, new Span("config/relay.ini", 3, 5),
        "[relay] all=true: the relay plugin accepts mail from anyone to anywhere.", "relay:all");
    Finding dup = new Finding(SyntheticReports.rule("HL402"), Severity.MEDIUM, new Span("config/plugins", 2, 1),
        "Plugin 'relay' is listed twice | once too often.", "dup:relay");
    String md = render(new ReportOptions(false, "https://github.com/o/r/blob/abc123/", null, Severity.HIGH),
        SyntheticReports.of(List.of(dup, relay), Map.of()));
    String[] lines = md.split("\n");
    assertThat(lines[0]).isEqualTo(MarkdownReporter.MARKER);
    assertThat(lines[1]).startsWith(":x: **haraka-lint: 2 findings (1 critical, 1 medium)**")
        .contains("`mail`").contains("fails at --fail-on high");
    assertThat(md).contains("| Severity | Where | Rule | Message |");
    // most severe first; file:line links to the repository path; pipes in messages escaped
    assertThat(md.indexOf("HL201")).isLessThan(md.indexOf("HL402"));
    assertThat(md).contains("[config/relay.ini:3](https://github.com/o/r/blob/abc123/mail/config/relay.ini#L3)");
    assertThat(md).contains("listed twice \\| once too often");
    assertThat(md).contains("<details><summary><b>HL201</b>").contains("**Why it matters:**").contains("**How to fix:**");
  }

  @Test
  void withoutLinkBaseLocationsAreCodeSpans() throws Exception {
    Finding f = new Finding(SyntheticReports.rule("HL201"), Severity.CRITICAL, new Span("config/relay.ini", 3, 5),
        "open relay", "a");
    String md = render(ReportOptions.PLAIN, SyntheticReports.of(List.of(f), Map.of()));
    assertThat(md).contains("| `config/relay.ini:3` |").doesNotContain("](");
  }

  @Test
  void cleanRunSaysSo() throws Exception {
    String md = render(ReportOptions.PLAIN, SyntheticReports.of(List.of(), Map.of()));
    assertThat(md).contains(":white_check_mark: **haraka-lint: no findings**").doesNotContain("| Severity |");
  }

  @Test
  void waivedFindingsAreCollapsedWithTheirWaiver() throws Exception {
    Finding f = new Finding(SyntheticReports.rule("HL303"), Severity.HIGH, new Span("config/tls.ini", 7, 1),
        "198.18.7.21 gets no STARTTLS", "x").withWaiver(SyntheticReports.waiver("HL303",
        "Scanner until firmware update", "facilities@example.com", LocalDate.of(2027, 3, 31)), Finding.Status.WAIVED);
    String md = render(ReportOptions.PLAIN, SyntheticReports.of(List.of(f), Map.of()));
    assertThat(md.split("\n")[1]).contains("no findings").contains("1 waived");
    assertThat(md).contains("<details><summary>1 waived finding")
        .contains("Scanner until firmware update (facilities@example.com, until 2027-03-31)");
  }

  @Test
  void fiveThousandFindingsStayUnderGithubsLimitWithANote() throws Exception {
    String md = render(ReportOptions.PLAIN, SyntheticReports.many(5000));
    assertThat(md.length()).isLessThan(MarkdownReporter.GITHUB_LIMIT);
    assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThan(MarkdownReporter.GITHUB_LIMIT);
    assertThat(md).startsWith(MarkdownReporter.MARKER);
    assertThat(md.split("\n")[1]).contains("5000 findings");
    long rows = md.lines().filter(l -> l.startsWith("| **")).count();
    assertThat(rows).isGreaterThan(100).isLessThan(5000);
    assertThat(md).contains("> **Note:** " + (5000 - rows) + " of 5000 rows are not shown");
    assertThat(md).doesNotContain("<html>"); // escaped
    // as close to the budget as a row allows: one more row would not fit
    assertThat(md.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(MarkdownReporter.BUDGET - 2_000);
  }

  @Test
  void diffShowsNewAndFixedFindings() throws Exception {
    Finding stays = new Finding(SyntheticReports.rule("HL402"), Severity.MEDIUM, new Span("config/plugins", 2, 1), "dup", "d");
    Finding gone = new Finding(SyntheticReports.rule("HL203"), Severity.CRITICAL, new Span("config/relay_acl_allow", 1, 1),
        "bare IPv6", "v6");
    Finding added = new Finding(SyntheticReports.rule("HL201"), Severity.CRITICAL, new Span("config/relay.ini", 3, 5),
        "all=true", "all");
    DiffReport diff = DiffReport.of(SyntheticReports.of(List.of(stays, gone), Map.of()),
        SyntheticReports.of(List.of(stays, added), Map.of()));
    StringWriter w = new StringWriter();
    new MarkdownReporter(new ReportOptions(false, "https://gitlab.example/g/p/-/blob/main", null, Severity.HIGH)).write(diff, w);
    String md = w.toString();
    assertThat(md.split("\n")[0]).isEqualTo(MarkdownReporter.MARKER);
    assertThat(md.split("\n")[1]).startsWith(":x: **haraka-lint: 1 new finding (1 critical)**, 1 fixed, 1 unchanged");
    assertThat(md).contains("[config/relay.ini:3](https://gitlab.example/g/p/-/blob/main/mail/config/relay.ini#L3)");
    assertThat(md).contains("**Fixed by this change** (1)").contains("| critical | `config/relay_acl_allow:1` | HL203 | bare IPv6 |");
    assertThat(md).doesNotContain("| HL402 |");
  }
}
