package io.harakalint.cli;

import io.harakalint.load.ConfigLoader;
import io.harakalint.load.FileSystemTreeSource;
import io.harakalint.load.UserError;
import io.harakalint.model.ConfigTree;
import io.harakalint.model.HarakaVersion;
import io.harakalint.report.JsonReporter;
import io.harakalint.report.LintReport;
import io.harakalint.report.TextReporter;
import io.harakalint.report.ToolVersion;
import io.harakalint.rules.LintOptions;
import io.harakalint.rules.Linter;
import io.harakalint.rules.Rules;
import io.harakalint.rules.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code haraka-lint check}: load each tree, run the rules, render, and turn findings into an exit code. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Lint one or more Haraka trees (a Haraka root with config/, or a config folder).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:nothing at or above --fail-on",
        "1:findings at or above --fail-on",
        "2:usage error or unusable input (not a Haraka tree, nothing readable)",
        "3:internal error (a bug: rerun with --debug and report it)"})
final class CheckCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Haraka root or config folder (default: .)")
  List<String> paths = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE})",
      defaultValue = "text")
  String format;

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "exit 1 when a finding is at least this severe: critical, high, medium, low, info or none (default: ${DEFAULT-VALUE})",
      defaultValue = "high")
  String failOn;

  @Option(names = "--haraka-version", paramLabel = "X.Y.Z",
      description = "the Haraka version the config is for (default: read from the Haraka root, else the newest known 3.x)")
  String harakaVersion;

  @Option(names = "--no-color", description = "never colour the text output (NO_COLOR is also honoured)")
  boolean noColor;

  @Option(names = "--debug", description = "print stack traces of internal errors")
  boolean debug;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Severity threshold = parseFailOn(failOn);
    HarakaVersion version = null;
    if (harakaVersion != null) {
      version = HarakaVersion.tryParse(harakaVersion);
      if (version == null || !harakaVersion.matches("\\d+\\.\\d+(\\.\\d+)?")) {
        throw new UserError("--haraka-version: '" + harakaVersion + "' is not a version like 3.1.6");
      }
    }
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!fmt.equals("text") && !fmt.equals("json")) throw new UserError("--format: '" + format + "' is not text or json");

    List<String> targets = paths.isEmpty() ? List.of(".") : paths;
    Linter linter = new Linter(Rules.ALL, LintOptions.DEFAULTS);
    List<LintReport> reports = new ArrayList<>();
    for (String target : targets) {
      ConfigTree tree = ConfigLoader.load(new FileSystemTreeSource(Path.of(target), target), version);
      reports.add(new LintReport(ToolVersion.get(), target, tree.harakaVersion().toString(),
          tree.install().versionSource(), linter.lint(tree), tree.fileCount()));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (fmt.equals("json")) {
      new JsonReporter().write(reports, out);
    } else {
      TextReporter text = new TextReporter(useColor());
      for (LintReport r : reports) text.write(r, out);
    }
    out.flush();
    return reports.stream().anyMatch(r -> r.failsAt(threshold)) ? ExitCode.FINDINGS : ExitCode.OK;
  }

  private boolean useColor() {
    return !noColor && System.getenv("NO_COLOR") == null && System.console() != null
        && !"dumb".equals(System.getenv("TERM"));
  }

  private static Severity parseFailOn(String text) {
    if (text.equalsIgnoreCase("none")) return null;
    try {
      return Severity.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserError("--fail-on: '" + text + "' is not one of critical, high, medium, low, info, none");
    }
  }
}
