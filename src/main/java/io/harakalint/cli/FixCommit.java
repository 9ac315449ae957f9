package io.harakalint.cli;

import io.harakalint.fix.FixPlan;
import io.harakalint.load.UserError;
import io.harakalint.rules.Finding;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** {@code fix --commit}: the written files committed with JGit on a new branch. */
final class FixCommit {
  private FixCommit() {}

  static String commit(Path root, FixPlan plan) {
    TreeSet<String> rules = new TreeSet<>();
    StringBuilder body = new StringBuilder();
    java.util.List<String> paths = new java.util.ArrayList<>();
    for (FixPlan.FileChange c : plan.changes()) {
      paths.add(c.path());
      for (Finding f : c.fixed()) {
        rules.add(f.ruleId());
        body.append("- ").append(f.ruleId()).append(' ').append(c.path()).append(':').append(f.span().line())
            .append(": ").append(f.fix().behaviourChange()).append('\n');
      }
    }
    return commit(root, paths, "fix", "haraka-lint fix: " + String.join(", ", rules) + "\n\n" + body);
  }

  /** Commits {@code paths} (relative to root) on a new branch haraka-lint/KIND-time with {@code message}. */
  static String commit(Path root, java.util.List<String> paths, String kind, String message) {
    Path abs = root.toAbsolutePath().normalize();
    FileRepositoryBuilder b = new FileRepositoryBuilder().readEnvironment().findGitDir(abs.toFile());
    if (b.getGitDir() == null) throw new UserError(root + ": --commit needs a git repository (the files were written)");
    try (Git git = new Git(b.setMustExist(true).build())) {
      Path work = git.getRepository().getWorkTree().toPath().toAbsolutePath().normalize();
      String branch = "haraka-lint/" + kind + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
      // Checking out a new branch at HEAD keeps the working tree, so the fixed files come along.
      git.checkout().setCreateBranch(true).setName(branch).call();
      for (String p : paths) git.add().addFilepattern(work.relativize(abs.resolve(p)).toString().replace('\\', '/')).call();
      PersonIdent who = new PersonIdent(git.getRepository());
      git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
      return branch;
    } catch (UserError e) {
      throw e;
    } catch (Exception e) {
      throw new UserError("--commit: git failed (" + e.getClass().getSimpleName() + "); the files were written");
    }
  }
}
