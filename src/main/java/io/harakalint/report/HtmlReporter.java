package io.harakalint.report;

import io.harakalint.rules.Finding;
import io.harakalint.rules.RuleMeta;
import java.io.IOException;
import java.io.Writer;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit report ({@code templates/report.ftlh}): one self-contained HTML file (inline CSS and
 * SVG, no scripts, nothing fetched) with the target, Haraka version and date, a summary by severity
 * with a bar chart, the findings by file with their lines in context, the waived findings with
 * their reason, owner and expiry, and the pages of the rules that fired. Files that can hold
 * secrets are never quoted, only their line numbers.
 */
public final class HtmlReporter implements Reporter {
  static final String TEMPLATE = "report.ftlh";

  private final ReportOptions options;

  public HtmlReporter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public void write(List<LintReport> reports, Writer out) throws IOException {
    List<ReportView.TargetView> targets = new ArrayList<>();
    List<RuleMeta> fired = new ArrayList<>();
    for (LintReport r : reports) {
      targets.add(ReportView.target(r, options, true));
      for (Finding f : r.findings()) if (!fired.contains(f.rule())) fired.add(f.rule());
    }
    fired.sort((a, b) -> a.id().compareTo(b.id()));
    List<ReportView.RuleView> rules = new ArrayList<>();
    for (RuleMeta m : fired) rules.add(ReportView.rule(m, true));
    Map<String, Object> model = new HashMap<>();
    model.put("tool", "haraka-lint");
    model.put("toolVersion", reports.isEmpty() ? ToolVersion.get() : reports.get(0).toolVersion());
    model.put("generated", ZonedDateTime.now().truncatedTo(ChronoUnit.MINUTES).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx")));
    model.put("targets", targets);
    model.put("rules", rules);
    model.put("failOn", options.failOn() == null ? "none" : options.failOn().label());
    if (options.logs() != null) model.put("logs", LogsView.of(options.logs()));
    new Templates(options.templateDir()).render(TEMPLATE, model, out);
  }
}
