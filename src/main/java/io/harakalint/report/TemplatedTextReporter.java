package io.harakalint.report;

import io.harakalint.rules.Finding;
import io.harakalint.rules.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text format rendered from {@code text.ftl}, used when a --template folder has its own
 * {@code text.ftl}. The default text output stays in {@link TextReporter}: a pre-commit hook runs it
 * on every commit, and loading Freemarker would cost that start-up more than the budget allows
 * (README, "Start-up"). The packaged {@code text.ftl} renders exactly what TextReporter prints
 * (TemplateOverrideTest checks it), so it is the starting point for a custom one.
 */
public final class TemplatedTextReporter implements Reporter {
  static final String TEMPLATE = "text.ftl";

  private final ReportOptions options;

  public TemplatedTextReporter(ReportOptions options) {
    this.options = options;
  }

  /** One tree: its findings in order and the summary line TextReporter prints. */
  public record TextTarget(String target, List<ReportView.FindingView> findings, String summary) {}

  @Override
  public void write(List<LintReport> reports, Writer out) throws IOException {
    List<TextTarget> targets = new ArrayList<>();
    for (LintReport r : reports) {
      List<ReportView.FindingView> fs = new ArrayList<>();
      for (Finding f : r.findings()) fs.add(ReportView.finding(r, f, options, false));
      targets.add(new TextTarget(r.target(), fs, TextReporter.summary(r)));
    }
    Map<String, String> sev = new HashMap<>();
    for (Severity s : Severity.values()) sev.put(s.label(), options.color() ? TextReporter.paint(s) : s.label());
    Map<String, Object> model = new HashMap<>();
    model.put("reports", targets);
    model.put("sev", sev);
    new Templates(options.templateDir()).render(TEMPLATE, model, out);
    out.flush();
  }
}
