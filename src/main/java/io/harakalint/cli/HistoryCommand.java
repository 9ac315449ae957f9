package io.harakalint.cli;

import io.harakalint.load.UserError;
import io.harakalint.report.HistoryReport;
import io.harakalint.rules.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code haraka-lint history}: every commit linted, and who introduced each finding the head has. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Lint every commit on the first-parent chain up to --rev (without a checkout) and report, for "
        + "each finding at --rev, the commit, author and date that introduced it. Without --policy, each commit is "
        + "judged by the .haraka-lint.ini it had itself.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:nothing at or above --fail-on at --rev", "1:findings at or above --fail-on at --rev",
        "2:usage error or unusable input (not a repository, no commits, no Haraka tree)", "3:internal error"})
final class HistoryCommand implements Callable<Integer> {
  static final List<String> FORMATS = List.of("text", "json", "jsonl");

  @Parameters(paramLabel = "PATH", arity = "0..1",
      description = "a Haraka tree, or a folder above trees, in a git work tree (default: .)")
  String path = ".";

  @Option(names = "--since", paramLabel = "REV",
      description = "start after this commit (default: at the root commit); findings already there are reported as such")
  String since;

  @Option(names = "--rev", paramLabel = "REV", defaultValue = "HEAD", description = "the last commit (default: ${DEFAULT-VALUE})")
  String rev;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json (one document) or jsonl (one finding per line) (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of standard output")
  Path output;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
      description = "exit 1 when a finding at --rev is at least this severe (default: ${DEFAULT-VALUE})")
  String failOn;

  @Mixin
  TreeOptions tree;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Severity threshold = FailOn.parse(failOn);
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(fmt)) throw new UserError("--format: '" + format + "' is not one of " + String.join(", ", FORMATS));
    HistoryReport report = new HistoryLint(tree.pipeline(null)).run(path, rev, since);
    PrintWriter out = spec.commandLine().getOut();
    if (output == null) {
      write(report, fmt, out);
    } else {
      ReportOutput.writeAtomically(output, w -> write(report, fmt, new PrintWriter(w)));
    }
    out.flush();
    return report.failsAt(threshold) ? ExitCode.FINDINGS : ExitCode.OK;
  }

  private static void write(HistoryReport report, String format, PrintWriter out) {
    switch (format) {
      case "json" -> report.writeJson(out);
      case "jsonl" -> report.writeJsonl(out);
      default -> report.writeText(out);
    }
    out.flush();
  }
}
