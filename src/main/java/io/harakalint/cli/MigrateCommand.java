package io.harakalint.cli;

import io.harakalint.fix.UnifiedDiff;
import io.harakalint.load.UserError;
import io.harakalint.migrate.Migration;
import io.harakalint.model.HarakaVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code haraka-lint migrate --to 3.1}: the v2.8 to v3.1+ migration as a unified diff and a report;
 * {@code --write} applies it (atomically; never deletes the old files, the report lists them).
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Migrate a Haraka 2.8 tree to 3.1+: show the diff and a migration report; --write applies the diff.")
final class MigrateCommand implements Callable<Integer> {
  @Option(names = "--to", required = true, paramLabel = "VERSION", description = "target Haraka version: 3.1, 3.3 or X.Y.Z (3.1 or newer)")
  String to;

  @Parameters(paramLabel = "PATH", arity = "0..1", description = "Haraka root (the folder with config/ and package.json; default: .)")
  String path = ".";

  @Option(names = "--haraka-range", paramLabel = "RANGE",
      description = "what package.json's Haraka dependency becomes (default: ^3.1.7 for --to 3.1, else ^X.Y.Z)")
  String harakaRange;

  @Option(names = "--write", description = "apply the changes to the files")
  boolean write;

  @Option(names = "--commit", description = "apply (implies --write) and commit with JGit on a new branch haraka-lint/migrate-<time>")
  boolean commit;

  @Option(names = "--force", description = "with --write: also change files that have uncommitted changes in git")
  boolean force;

  @Option(names = "--report", paramLabel = "FILE", description = "also write the migration report (Markdown) to FILE")
  Path reportFile;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    HarakaVersion target = HarakaVersion.tryParse(to);
    if (target == null || target.major() != 3 || target.minor() < 1) {
      throw new UserError("--to " + to + ": migrate goes to Haraka 3.1 or a newer 3.x");
    }
    String range = harakaRange != null ? harakaRange
        : to.matches("\\d+\\.\\d+") && target.minor() == 1 ? "^3.1.7" : "^" + target;
    Path root = Path.of(path);
    Migration.Plan plan = Migration.plan(root, path, target, range);
    PrintWriter out = spec.commandLine().getOut();
    for (Migration.FileChange c : plan.files()) {
      out.print(UnifiedDiff.of(c.path(), c.before() == null ? new byte[0] : c.before(), c.after())
          .replaceFirst("^--- a/\\S+", c.before() == null ? "--- /dev/null" : "$0"));
    }
    String report = Migration.report(plan);
    out.println();
    out.print(report);
    if (reportFile != null) {
      try {
        Files.writeString(reportFile, report, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
      } catch (IOException e) {
        throw new UserError("--report " + reportFile + ": cannot be written (" + e.getClass().getSimpleName() + ")");
      }
    }
    if (plan.isEmpty()) {
      out.println("haraka-lint: nothing to migrate in " + path);
      out.flush();
      return ExitCode.OK;
    }
    if (!write && !commit) {
      out.println("haraka-lint: " + plan.files().size() + " file(s) would change; rerun with --write to apply");
      out.flush();
      return ExitCode.OK;
    }
    List<ChangeWriter.Planned> files = plan.files().stream()
        .map(c -> new ChangeWriter.Planned(c.path(), c.before() == null, c.after())).toList();
    ChangeWriter.refuseUncommitted(root, files, force);
    ChangeWriter.write(root, files);
    out.println("haraka-lint: wrote " + plan.files().size() + " file(s); the old files listed above are left for you to delete");
    if (commit) {
      out.println("haraka-lint: committed on branch " + FixCommit.commit(root, plan.files().stream().map(Migration.FileChange::path).toList(),
          "migrate", "haraka-lint migrate --to " + to + "\n\nFiles: " + String.join(", ",
              plan.files().stream().map(Migration.FileChange::path).toList()) + "\n"));
    }
    out.flush();
    return ExitCode.OK;
  }
}
