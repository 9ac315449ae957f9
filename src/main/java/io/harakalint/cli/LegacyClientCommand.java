package io.harakalint.cli;

import io.harakalint.fix.AtomicFileWriter;
import io.harakalint.fix.UnifiedDiff;
import io.harakalint.legacy.ClientAddress;
import io.harakalint.legacy.LegacyClientPlan;
import io.harakalint.load.FileSystemTreeSource;
import io.harakalint.load.UserError;
import io.harakalint.model.PolicyFile;
import io.harakalint.report.LegacyClientReport;
import io.harakalint.rules.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code haraka-lint legacy-client}: why a legacy TLS client fails, the options worst to best, and the
 * transitional patch (relay by IP, with waivers until a date) as a diff; {@code --write} applies it.
 */
@Command(name = "legacy-client", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Explain why a legacy TLS client fails, lay out the options, and show the transitional patch",
        "(relay by IP until a date, with waivers) as a unified diff; --write applies it."})
final class LegacyClientCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "0..1", description = "Haraka root or config folder (default: .)")
  String path = ".";

  @Option(names = "--ip", paramLabel = "ADDR[/LEN]", required = true, description = "the client's address (/32 or /128 if no length)")
  String ip;

  @Option(names = "--profile", paramLabel = "ID", description = "its TLS client profile (see 'haraka-lint compat'; default: "
      + LegacyClientPlan.DEFAULT_PROFILE + ")")
  String profile = LegacyClientPlan.DEFAULT_PROFILE;

  @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "the day the exception ends (required, not in the past)")
  String until;

  @Option(names = "--owner", paramLabel = "NAME", description = "who owns the exception (required when a waiver is written)")
  String owner;

  @Option(names = "--reason", paramLabel = "TEXT", description = "why the exception exists (default: generated from the profile)")
  String reason;

  @Option(names = "--report", paramLabel = "FILE", description = "also write the remediation report (Markdown) to FILE")
  Path report;

  @Option(names = "--write", description = "apply the patch to the files")
  boolean write;

  @Option(names = "--force", description = "accept a range broader than /29 (IPv4) or /125 (IPv6); with --write, also change"
      + " files that have uncommitted changes in git")
  boolean force;

  @Mixin
  TreeOptions tree;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ClientAddress client = ClientAddress.parse(ip);
    if (client.tooBroad() && !force) {
      throw new UserError("--ip " + ip + ": broader than /" + (client.isV4() ? ClientAddress.MIN_PREFIX_V4 : ClientAddress.MIN_PREFIX_V6)
          + "; an exception is for one client, so name its address (or use --force)");
    }
    LocalDate today = tree.todayDate() != null ? tree.todayDate() : LocalDate.now();
    if (until == null) throw new UserError("--until YYYY-MM-DD is required: an exception needs an end date");
    LocalDate end = PolicyFile.date(until);
    if (end == null) throw new UserError("--until: '" + until + "' is not a date like 2027-03-31");
    if (end.isBefore(today)) throw new UserError("--until " + until + " is in the past (today is " + today + ")");
    if (tree.policy != null) {
      throw new UserError("--policy is not supported here: the waiver is written to " + PolicyFile.FILE_NAME + " in PATH");
    }
    String why = reason != null ? reason : "legacy client " + client.cidr() + " (" + profile
        + ") cannot use TLS 1.2; it relays by IP until it is upgraded";
    checkOneLine("--reason", why);
    if (owner != null) checkOneLine("--owner", owner);
    Path root = Path.of(path);
    FileSystemTreeSource source = new FileSystemTreeSource(root, path);
    LegacyClientPlan plan = LegacyClientPlan.of(source, new LegacyClientPlan.Request(client, profile, end, today,
        owner == null ? "" : owner, why, tree.nodeVersion, tree.version()));
    if (!plan.waivers().isEmpty() && (owner == null || owner.isBlank())) {
      throw new UserError("--owner NAME is required: the waiver must name who owns the exception");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    out.println("Why it fails today");
    out.println("  " + plan.whyItFails());
    if (plan.harakaLogLine() != null) out.println("  Haraka logs: " + plan.harakaLogLine());
    out.println();
    out.println("Options, worst to best");
    int i = 1;
    for (String[] o : plan.options()) out.println("  " + i++ + ". [" + o[0] + "] " + o[1] + ": " + o[2]);
    out.println();
    for (Finding f : plan.unwaivedNewFindings()) {
      err.println("haraka-lint: note: the patch also causes " + f.ruleId() + " at " + f.span() + " (not waived): " + f.message());
    }
    for (Finding f : plan.stillOpen()) {
      err.println("haraka-lint: warning: " + f.ruleId() + " at " + f.span() + " would still count after the patch: " + f.message());
    }
    String rendered = LegacyClientReport.render(plan.reportModel());
    if (report != null) {
      try {
        Path abs = report.toAbsolutePath();
        if (!Files.exists(abs)) Files.createFile(abs);
        AtomicFileWriter.replace(abs, rendered.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UserError("--report " + report + ": cannot be written (" + e.getClass().getSimpleName() + ")");
      }
    }
    List<LegacyClientPlan.FileChange> changes = plan.changes();
    if (changes.isEmpty()) {
      out.println("haraka-lint: " + client.cidr() + " already relays by IP in " + path + "; nothing to change");
      out.flush();
      return ExitCode.OK;
    }
    out.println("The transitional patch");
    for (LegacyClientPlan.FileChange c : changes) {
      out.print(UnifiedDiff.of(c.path(), c.creates() ? new byte[0] : c.before(), c.after()));
      out.println("# " + c.path() + ": " + c.why());
    }
    out.println();
    if (report == null) {
      out.println("Remediation report");
      out.println(rendered);
    }
    if (!write) {
      out.println("haraka-lint: " + changes.size() + " file(s) would change; rerun with --write to apply");
      out.flush();
      return ExitCode.OK;
    }
    List<ChangeWriter.Planned> files = changes.stream()
        .map(c -> new ChangeWriter.Planned(c.path(), c.creates(), c.after())).toList();
    ChangeWriter.refuseUncommitted(root, files, force);
    ChangeWriter.write(root, files);
    out.println("haraka-lint: wrote " + changes.size() + " file(s)");
    out.flush();
    return ExitCode.OK;
  }

  private static void checkOneLine(String option, String value) {
    if (value.contains("\n") || value.contains("\r")) throw new UserError(option + ": must be one line");
  }
}
