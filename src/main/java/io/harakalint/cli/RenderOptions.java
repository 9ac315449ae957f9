package io.harakalint.cli;

import io.harakalint.load.UserError;
import io.harakalint.report.ReportOptions;
import io.harakalint.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How reports look: links and templates (a picocli mixin for check and diff). */
final class RenderOptions {
  @Option(names = "--link-base", paramLabel = "URL",
      description = "link file:line in the markdown comment to URL/<path>#L<line>; URL is where the "
          + "repository's files are shown at this commit (GitHub: <server>/<repo>/blob/<sha>)")
  String linkBase;

  @Option(names = "--template", paramLabel = "DIR",
      description = "templates in DIR replace the built-in ones of the same name (see templates/ in the sources)")
  Path templateDir;

  ReportOptions options(boolean color, Severity failOn) {
    if (templateDir != null && !Files.isDirectory(templateDir)) {
      throw new UserError("--template " + templateDir + ": not a directory");
    }
    if (linkBase != null && !linkBase.matches("(?i)https?://\\S+")) {
      throw new UserError("--link-base: '" + linkBase + "' is not an http(s) URL");
    }
    return new ReportOptions(color, linkBase, templateDir, failOn);
  }
}
