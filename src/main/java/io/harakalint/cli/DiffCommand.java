package io.harakalint.cli;

import io.harakalint.load.UserError;
import io.harakalint.report.DiffReport;
import io.harakalint.report.DiffReporter;
import io.harakalint.report.LintReport;
import io.harakalint.report.Reporters;
import io.harakalint.rules.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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

  @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or markdown (default: ${DEFAULT-VALUE})",
      defaultValue = "text")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of standard output")
  Path output;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
      description = "exit 1 when a NEW finding is at least this severe (default: ${DEFAULT-VALUE})")
  String failOn;

  @Mixin
  TreeOptions tree;

  @Mixin
  RenderOptions render;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Severity threshold = FailOn.parse(failOn);
    DiffReporter reporter = Reporters.diffByName(format, render.options(false, threshold))
        .orElseThrow(() -> new UserError("--format: '" + format + "' is not one of " + String.join(", ", Reporters.DIFF_NAMES)));
    LintPipeline pipeline = tree.pipeline(null);
    LintReport before = only(GitSelection.trees(List.of(path), base, false), pipeline);
    LintReport after = head == null ? pipeline.run(path) : only(GitSelection.trees(List.of(path), head, false), pipeline);
    DiffReport diff = DiffReport.of(before, after);
    PrintWriter out = spec.commandLine().getOut();
    try {
      if (output == null) {
        reporter.write(diff, out);
      } else {
        ReportOutput.writeAtomically(output, w -> reporter.write(diff, w));
      }
    } catch (IOException e) {
      throw new UserError("cannot write " + format + " output (" + e.getClass().getSimpleName() + ")");
    }
    out.flush();
    return diff.failsAt(threshold) ? ExitCode.FINDINGS : ExitCode.OK;
  }

  private static LintReport only(List<GitSelection.Selected> trees, LintPipeline pipeline) {
    if (trees.isEmpty()) throw new UserError("no Haraka tree at that path in that revision");
    GitSelection.Selected s = trees.get(0);
    return pipeline.runInRepository(s.source(), s.name(), s.root());
  }
}
