package io.harakalint.cli;

import io.harakalint.load.UserError;
import io.harakalint.report.LintReport;
import io.harakalint.rules.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "output format, repeatable: text, json, markdown, html, sarif, rdjson, junit, checkstyle, gitlab "
          + "(default: text)")
  List<String> formats = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "write the format given at the same position to FILE instead of standard output, repeatable: "
          + "--format sarif --output a.sarif --format markdown --output b.md")
  List<Path> outputs = new ArrayList<>();

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "exit 1 when a finding that counts (not waived) is at least this severe: critical, high, medium, low, info or none (default: ${DEFAULT-VALUE})",
      defaultValue = "high")
  String failOn;

  @Mixin
  TreeOptions tree;

  @Mixin
  RenderOptions render;

  @Option(names = "--staged", description = "lint what the next commit will hold (the git index), not the working tree")
  boolean staged;

  @Option(names = "--rev", paramLabel = "REV", description = "lint a commit, branch or tag, without checking it out")
  String rev;

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "report only findings whose fingerprint is not in FILE (written by 'haraka-lint baseline')")
  Path baseline;

  @Option(names = "--no-color", description = "never colour the text output (NO_COLOR is also honoured)")
  boolean noColor;

  @Option(names = "--debug", description = "print stack traces of internal errors")
  boolean debug;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Severity threshold = parseFailOn(failOn);
    List<ReportOutput> targets = ReportOutput.pair(formats, outputs, render.options(useColor(), threshold));
    if (staged && rev != null) throw new UserError("--staged and --rev cannot be used together");
    LintPipeline pipeline = tree.pipeline(baseline);
    List<LintReport> reports = new ArrayList<>();
    if (staged || rev != null) {
      for (GitSelection.Selected s : GitSelection.trees(paths, rev, staged)) {
        reports.add(pipeline.runInRepository(s.source(), s.name(), s.root()));
      }
      if (reports.isEmpty()) {
        spec.commandLine().getOut().println("haraka-lint: no Haraka tree " + (staged ? "has staged changes" : "in " + rev));
        return ExitCode.OK;
      }
    } else {
      for (String target : paths.isEmpty() ? List.of(".") : paths) reports.add(pipeline.run(target));
    }
    PrintWriter out = spec.commandLine().getOut();
    for (ReportOutput target : targets) target.write(reports, out);
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
