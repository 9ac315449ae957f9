package io.harakalint.cli;

import io.harakalint.load.UserError;
import io.harakalint.logs.LogAnalyzer;
import io.harakalint.logs.LogsReport;
import io.harakalint.report.LogsReporters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code haraka-lint logs [PATH] LOGFILE...}: reads Haraka's own logs and turns them into decisions
 * about legacy TLS clients, relay exceptions and their waivers, AUTH abuse and relay probing.
 */
@Command(name = "logs", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Read Haraka's logs (default, logfmt or json format; plain or gzip; - for standard input) and report per client",
        "address: TLS handshake failures with the likely client and the change that would let it in, relays granted by",
        "relay_acl_allow (matched to the entry and its waiver), AUTH failures and AUTH without TLS, refused relay attempts.",
        "With PATH (a Haraka root or config folder), exceptions nobody used are candidates for removal, exceptions in heavy",
        "use near their expiry are flagged to their owner, and clients that keep failing TLS are candidates for legacy-client."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:nothing to act on (decisions to review at most)",
        "1:at least one decision to act on",
        "2:usage error or unusable input (no such log, not a Haraka tree)",
        "3:internal error (a bug: rerun with --debug and report it)"})
final class LogsCommand implements Callable<Integer> {
  @Parameters(paramLabel = "[PATH] LOGFILE", arity = "1..*",
      description = "a Haraka root or config folder first (optional; a directory), then log files (- for standard input)")
  List<String> args = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json, markdown or html (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of standard output")
  Path output;

  @Option(names = "--max-ips", paramLabel = "N", defaultValue = "" + LogAnalyzer.DEFAULT_MAX_IPS,
      description = "track at most N distinct client addresses; sessions of further addresses are only counted (default: ${DEFAULT-VALUE})")
  int maxIps;

  @Option(names = "--max-listed", paramLabel = "N", defaultValue = "1000",
      description = "list at most the N most urgent client addresses with their decisions; decisions about the others are"
          + " counted by kind (default: ${DEFAULT-VALUE})")
  int maxListed;

  @Option(names = "--tls-failures", paramLabel = "N", defaultValue = "3",
      description = "TLS failures that make an address without an exception a legacy-client candidate (default: ${DEFAULT-VALUE})")
  int tlsFailures;

  @Option(names = "--auth-failures", paramLabel = "N", defaultValue = "5",
      description = "failed AUTH attempts from one address that count as possible password guessing (default: ${DEFAULT-VALUE})")
  int authFailures;

  @Option(names = "--heavy-use", paramLabel = "N", defaultValue = "10",
      description = "relayed sessions through an exception that count as heavy use (default: ${DEFAULT-VALUE})")
  int heavyUse;

  @Option(names = "--expiry-days", paramLabel = "DAYS", defaultValue = "14",
      description = "a waiver ending within DAYS of --today is near its expiry (default: ${DEFAULT-VALUE})")
  int expiryDays;

  @Mixin
  TreeOptions tree;

  @Option(names = "--template", paramLabel = "DIR",
      description = "templates in DIR replace the built-in logs.ftlh, logs-section.ftlh, logs.md.ftl, logs-section.md.ftl")
  Path templateDir;

  @Option(names = "--debug", description = "print stack traces of internal errors")
  boolean debug;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (!LogsReporters.FORMATS.contains(format)) {
      throw new UserError("--format: '" + format + "' is not one of " + String.join(", ", LogsReporters.FORMATS));
    }
    for (int n : new int[] {maxIps, maxListed, tlsFailures, authFailures, heavyUse}) {
      if (n < 1) throw new UserError("--max-ips, --max-listed, --tls-failures, --auth-failures and --heavy-use must be at least 1");
    }
    if (expiryDays < 0) throw new UserError("--expiry-days must not be negative");
    String config = null;
    List<String> logs = args;
    if (!args.isEmpty() && !args.get(0).equals("-") && Files.isDirectory(Path.of(args.get(0)))) {
      config = args.get(0);
      logs = args.subList(1, args.size());
    }
    LogsReport report = LogsRun.run(config, logs, tree,
        new LogsReport.Thresholds(tlsFailures, authFailures, heavyUse, expiryDays), maxIps, maxListed,
        System.in);
    PrintWriter out = spec.commandLine().getOut();
    if (output == null) {
      try {
        LogsReporters.write(format, report, templateDir, out);
      } catch (IOException e) {
        throw new UserError("cannot write " + format + " output (" + e.getClass().getSimpleName() + ")");
      }
    } else {
      ReportOutput.writeAtomically(output, w -> LogsReporters.write(format, report, templateDir, w));
    }
    out.flush();
    return report.hasActions() ? ExitCode.FINDINGS : ExitCode.OK;
  }
}
