package io.harakalint.cli;

import io.harakalint.fix.FixPlan;
import io.harakalint.fix.UnifiedDiff;
import io.harakalint.load.FileSystemTreeSource;
import io.harakalint.rules.Finding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code haraka-lint fix}: the safe fixes as a unified diff, applied only with {@code --write}. */
@Command(name = "fix", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Show the safe fixes as a unified diff; --write applies them (atomically, keeping every other byte).")
final class FixCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "0..1", description = "Haraka root or config folder (default: .)")
  String path = ".";

  @Option(names = "--rule", paramLabel = "ID", split = ",", description = "only these rules' fixes")
  List<String> rules = new ArrayList<>();

  @Option(names = "--write", description = "apply the changes to the files")
  boolean write;

  @Option(names = "--force", description = "with --write: also change files that have uncommitted changes in git")
  boolean force;

  @Option(names = "--commit", description = "apply (implies --write) and commit the change with JGit on a new branch "
      + "haraka-lint/fix-YYYYMMDD-HHMMSS, with a message that lists the rules fixed")
  boolean commit;

  @Mixin
  TreeOptions tree;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Set<String> only = new LinkedHashSet<>();
    for (String r : rules) only.add(r.toUpperCase(Locale.ROOT));
    Path root = Path.of(path);
    io.harakalint.policy.PolicyLint.Linted linted = tree.pipeline(null).lint(new FileSystemTreeSource(root, path), root);
    // A waived finding is an accepted risk: fixed only when its rule is named explicitly.
    List<Finding> fixable = linted.findings().stream()
        .filter(f -> f.counts() || only.contains(f.ruleId())).toList();
    FixPlan plan = FixPlan.of(linted.tree(), fixable, only);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (String s : plan.skipped()) err.println("haraka-lint: skipped " + s);
    if (plan.isEmpty()) {
      out.println("haraka-lint: nothing to fix in " + path);
      return ExitCode.OK;
    }
    for (FixPlan.FileChange c : plan.changes()) {
      out.print(UnifiedDiff.of(c.path(), c.before().bytes(), c.after()));
      for (Finding f : c.fixed()) {
        out.println("# " + f.ruleId() + " line " + f.span().line() + ": " + f.fix().behaviourChange());
      }
    }
    if (!write && !commit) {
      out.println("haraka-lint: " + plan.changes().size() + " file(s) would change; rerun with --write to apply");
      out.flush();
      return ExitCode.OK;
    }
    List<ChangeWriter.Planned> files = plan.changes().stream()
        .map(c -> new ChangeWriter.Planned(c.path(), false, c.after())).toList();
    ChangeWriter.refuseUncommitted(root, files, force);
    ChangeWriter.write(root, files);
    out.println("haraka-lint: wrote " + plan.changes().size() + " file(s)");
    if (commit) out.println("haraka-lint: committed on branch " + FixCommit.commit(root, plan));
    out.flush();
    return ExitCode.OK;
  }
}
