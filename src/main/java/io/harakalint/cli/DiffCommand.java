package io.harakalint.cli;

import io.harakalint.load.TreeSource;
import io.harakalint.load.UserError;
import io.harakalint.report.DiffReport;
import io.harakalint.report.LintReport;
import io.harakalint.rules.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code haraka-lint diff}: what a change introduced, fixed or left as it was (by fingerprint). */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Compare findings between a base revision and the head (a revision, or the working tree): "
        + "new, fixed, unchanged. Only new findings count toward the exit code.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no new finding at or above --fail-on", "1:new findings at or above --fail-on",
        "2:usage error or unusable input", "3:internal error"})
final class DiffCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "0..1", description = "Haraka root inside the repository (default: .)")
  String path = ".";

  @Option(names = "--base", paramLabel = "REV", required = true, description = "the revision to compare against")
  String base;

  @Option(names = "--head", paramLabel = "REV", description = "the revision to check (default: the working tree)")
  String head;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE})", defaultValue = "text")
  String format;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
      description = "exit 1 when a NEW finding is at least this severe (default: ${DEFAULT-VALUE})")
  String failOn;

  @Mixin
  TreeOptions tree;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Severity threshold = failOn.equalsIgnoreCase("none") ? null : parse(failOn);
    LintPipeline pipeline = tree.pipeline(null);
    LintReport before = only(GitSelection.trees(List.of(path), base, false), pipeline);
    LintReport after = head == null ? pipeline.run(path) : only(GitSelection.trees(List.of(path), head, false), pipeline);
    DiffReport diff = DiffReport.of(before, after);
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case "text" -> diff.writeText(out);
      case "json" -> diff.writeJson(out);
      default -> throw new UserError("--format: '" + format + "' is not text or json");
    }
    out.flush();
    return diff.failsAt(threshold) ? ExitCode.FINDINGS : ExitCode.OK;
  }

  private static LintReport only(Map<String, TreeSource> trees, LintPipeline pipeline) {
    List<LintReport> reports = new ArrayList<>();
    trees.forEach((name, source) -> reports.add(pipeline.run(source, name)));
    return reports.get(0);
  }

  private static Severity parse(String s) {
    try {
      return Severity.parse(s);
    } catch (IllegalArgumentException e) {
      throw new UserError("--fail-on: '" + s + "' is not one of critical, high, medium, low, info, none");
    }
  }
}
