package io.harakalint.cli;

import io.harakalint.git.CommitInfo;
import io.harakalint.git.FirstParentWalk;
import io.harakalint.git.GitRepo;
import io.harakalint.load.ParsedFiles;
import io.harakalint.load.UserError;
import io.harakalint.report.FindingRuns;
import io.harakalint.report.HistoryReport;
import io.harakalint.report.ToolVersion;
import io.harakalint.rules.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lints every commit of a first-parent chain, oldest first, and attributes each finding at the head
 * to the commit that introduced it. A tree is linted again only at commits that change something
 * below it (the rules are whole-tree, so then all of it is linted, but only the changed files are
 * parsed again).
 */
final class HistoryLint {
  private final LintPipeline pipeline;
  private final ParsedFiles parsed = ParsedFiles.reused();
  private int lints;

  HistoryLint(LintPipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** One selected tree as the walk goes: its findings at the current commit and since when each is there. */
  private static final class TreeState {
    final String root;
    final String target;
    final FindingRuns runs = new FindingRuns();
    List<Finding> findings = List.of();
    UserError unusable;

    TreeState(String root) {
      this.root = root;
      this.target = root.isEmpty() ? "." : root;
    }

    boolean touchedBy(List<String> changed) {
      if (root.isEmpty()) return !changed.isEmpty();
      String prefix = root + "/";
      for (String p : changed) if (p.startsWith(prefix)) return true;
      return false;
    }
  }

  /**
   * @param path a Haraka tree, or a folder above trees, inside a repository's work tree
   * @param rev the head of the walk
   * @param since the commit to start after, or null for the root commit
   */
  HistoryReport run(String path, String rev, String since) {
    try (GitRepo repo = GitRepo.containing(Path.of(path)); FirstParentWalk walk = FirstParentWalk.of(repo, rev, since)) {
      // Trees as the head has them: a finding is reported only if it is there at the head.
      List<String> roots = GitSelection.roots(repo, repo.at(rev), List.of(path), false);
      if (roots.isEmpty()) throw new UserError(path + ": no Haraka tree there at " + rev);
      List<TreeState> trees = new ArrayList<>();
      for (String root : roots) trees.add(new TreeState(root));
      if (walk.base() != null) {
        for (TreeState t : trees) lint(walk, t, -1);
      }
      while (walk.advance()) {
        for (TreeState t : trees) if (t.touchedBy(walk.changed())) lint(walk, t, walk.position());
      }
      List<HistoryReport.Tree> out = new ArrayList<>();
      for (TreeState t : trees) {
        if (t.unusable != null) throw t.unusable; // what check --rev would say about the head
        List<HistoryReport.Introduced> found = new ArrayList<>();
        for (Finding f : t.findings) {
          int start = t.runs.startOf(f);
          found.add(new HistoryReport.Introduced(f, start < 0 ? null : walk.commit(start)));
        }
        out.add(new HistoryReport.Tree(t.target, List.copyOf(found)));
      }
      CommitInfo head = walk.size() > 0 ? walk.commit(walk.size() - 1) : walk.base();
      return new HistoryReport(ToolVersion.get(), head, walk.base(), walk.size(), List.copyOf(out));
    }
  }

  private void lint(FirstParentWalk walk, TreeState t, int index) {
    lints++;
    try {
      t.findings = pipeline.lint(walk.tree(t.root, t.target), parsed).findings();
      t.unusable = null;
    } catch (UserError notATreeHere) {
      // Before the tree existed (or while it was broken) it has no findings; at the head this is an error.
      t.findings = List.of();
      t.unusable = notATreeHere;
    }
    t.runs.present(index, t.findings);
  }

  /** Config files read and parsed so far (a file unchanged since the last commit is not parsed again). */
  long parses() {
    return parsed.parses();
  }

  /** Tree loads so far: one per selected tree and commit that changed it. */
  int lints() {
    return lints;
  }
}
