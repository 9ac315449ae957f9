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
        "2:usage error or unusable input (not a Haraka tree, nothing readable; with --recursive: any tree below PATH)",
        "3:internal error (a bug: rerun with --debug and report it)"})
final class CheckCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Haraka root or config folder (default: .)")
  List<String> paths = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "output format, repeatable: text, json, jsonl, markdown, html, sarif, rdjson, junit, checkstyle, gitlab "
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

  @Option(names = {"-r", "--recursive"},
      description = "find every Haraka tree below each PATH (one per customer, say) and lint them concurrently, "
          + "streaming each tree's result as it is done; best with --format jsonl (text also streams; other formats "
          + "hold every report in memory until the end)")
  boolean recursive;

  @Option(names = "--jobs", paramLabel = "N",
      description = "with --recursive: trees linted at once (default: the number of cores)")
  Integer jobs;

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "report only findings whose fingerprint is not in FILE (written by 'haraka-lint baseline')")
  Path baseline;

  @Option(names = "--logs", paramLabel = "LOGFILE",
      description = "also read Haraka's log (repeatable; - for standard input) and add the 'haraka-lint logs' section to the"
          + " markdown and html reports, joined with the first PATH; the exit code stays that of the check")
  List<String> logs = new ArrayList<>();

  @Option(names = "--no-color", description = "never colour the text output (NO_COLOR is also honoured)")
  boolean noColor;

  @Option(names = "--debug", description = "print stack traces of internal errors")
  boolean debug;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Severity threshold = FailOn.parse(failOn);
    io.harakalint.report.ReportOptions options = render.options(useColor(), threshold);
    if (!logs.isEmpty()) {
      // Only here: a check without --logs never loads the log reader.
      options = options.withLogs(LogsRun.run(paths.isEmpty() ? "." : paths.get(0), logs, tree,
          io.harakalint.logs.LogsReport.Thresholds.DEFAULTS, io.harakalint.logs.LogAnalyzer.DEFAULT_MAX_IPS,
          io.harakalint.logs.LogDecisions.Context.DEFAULT_MAX_LISTED, System.in));
    }
    List<ReportOutput> targets = ReportOutput.pair(formats, outputs, options);
    if (staged && rev != null) throw new UserError("--staged and --rev cannot be used together");
    if (recursive && (staged || rev != null)) throw new UserError("--recursive reads folders on disk; it cannot be used with --staged or --rev");
    if (jobs != null && (jobs < 1 || !recursive)) throw new UserError("--jobs: needs --recursive and a number of at least 1");
    LintPipeline pipeline = tree.pipeline(baseline);
    if (recursive) return recursive(pipeline, targets, threshold);
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

  private int recursive(LintPipeline pipeline, List<ReportOutput> targets, Severity threshold) {
    List<Path> tops = (paths.isEmpty() ? List.of(".") : paths).stream().map(Path::of).toList();
    int workers = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    PrintWriter out = spec.commandLine().getOut();
    if (targets.size() == 1 && List.of("jsonl", "text").contains(targets.get(0).format())) {
      ReportOutput target = targets.get(0);
      RecursiveCheck check = new RecursiveCheck(pipeline, target.reporter(), target.format().equals("jsonl"), threshold, workers);
      RecursiveCheck.Totals[] totals = new RecursiveCheck.Totals[1];
      if (target.file() == null) totals[0] = check.run(tops, out);
      else ReportOutput.writeAtomically(target.file(), w -> totals[0] = check.run(tops, w));
      return exitCode(totals[0].errors() > 0, totals[0].failing() > 0);
    }
    // A document format (one JSON, SARIF, HTML... for all trees) needs every report at the end.
    List<LintReport> reports = java.util.Collections.synchronizedList(new ArrayList<>());
    RecursiveCheck.Totals totals = new RecursiveCheck(pipeline, (rs, w) -> reports.addAll(rs), false, threshold, workers)
        .run(tops, java.io.Writer.nullWriter());
    reports.sort(java.util.Comparator.comparing(LintReport::target));
    for (ReportOutput target : targets) target.write(reports, out);
    out.flush();
    return exitCode(totals.errors() > 0, totals.failing() > 0);
  }

  /** An unlintable tree means the run could not vouch for everything: 2 before 1. */
  private static int exitCode(boolean errors, boolean failing) {
    return errors ? ExitCode.USAGE : failing ? ExitCode.FINDINGS : ExitCode.OK;
  }

  /** Where the text output goes: whether it is a terminal, and its NO_COLOR and TERM. */
  record Terminal(boolean tty, String noColor, String term) {
    static Terminal ofThisProcess() {
      return new Terminal(System.console() != null, System.getenv("NO_COLOR"), System.getenv("TERM"));
    }
  }

  /** The caller's terminal while {@link HookServer} runs a request for it (one at a time); null otherwise. */
  static volatile Terminal clientTerminal;

  private boolean useColor() {
    Terminal t = clientTerminal != null ? clientTerminal : Terminal.ofThisProcess();
    return !noColor && t.noColor() == null && t.tty() && !"dumb".equals(t.term());
  }
}
