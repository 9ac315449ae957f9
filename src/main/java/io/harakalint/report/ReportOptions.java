package io.harakalint.report;

import io.harakalint.rules.Severity;
import java.nio.file.Path;

/**
 * How the reports are rendered, beyond the findings themselves.
 *
 * @param color the text format may use ANSI colour (standard output on a terminal only)
 * @param linkBase where {@code file:line} links in the Markdown comment point, e.g.
 *     {@code https://github.com/org/repo/blob/<sha>}; null for no links
 * @param templateDir a folder whose templates replace the packaged ones of the same name; null for none
 * @param failOn the --fail-on threshold, for the verdicts of the human formats; null for none
 * @param logs what {@code check --logs} read, for the logs section of the Markdown and HTML reports; null for none
 */
public record ReportOptions(boolean color, String linkBase, Path templateDir, Severity failOn,
    io.harakalint.logs.LogsReport logs) {
  public static final ReportOptions PLAIN = new ReportOptions(false, null, null, Severity.HIGH);

  public ReportOptions(boolean color, String linkBase, Path templateDir, Severity failOn) {
    this(color, linkBase, templateDir, failOn, null);
  }

  public ReportOptions withLogs(io.harakalint.logs.LogsReport l) {
    return new ReportOptions(color, linkBase, templateDir, failOn, l);
  }

  /**
   * Whether the --template folder holds its own version of {@code name}. Here, not in the
   * Freemarker set-up, so that asking does not load Freemarker.
   */
  public boolean overridesTemplate(String name) {
    return templateDir != null && java.nio.file.Files.isRegularFile(templateDir.resolve(name));
  }

  public ReportOptions withColor(boolean c) {
    return new ReportOptions(c, linkBase, templateDir, failOn, logs);
  }
}
