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
import io.harakalint.load.TreeSource;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lints every commit of a first-parent chain, oldest first, and attributes each finding at the head
 * to the commit that introduced it. A tree is linted again only at commits that change something
 * below it (the rules are whole-tree, so then all of it is linted, but only the changed files are
 * parsed again). Commits are linted in chunks on several threads; the walk and the bookkeeping stay
 * on the calling thread, in commit order.
 */
final class HistoryLint {
  /** Commits a worker lints in a row with one parse cache: long enough that the cache pays, short enough to share out. */
  static final int CHUNK = 100;

  private final LintPipeline pipeline;
  private final int threads;
  private final int chunkSize;
  private final AtomicLong parses = new AtomicLong();
  private final AtomicInteger lints = new AtomicInteger();

  /** Lints on as many threads as there are processors. */
  HistoryLint(LintPipeline pipeline) {
    this(pipeline, Runtime.getRuntime().availableProcessors(), CHUNK);
  }

  HistoryLint(LintPipeline pipeline, int threads, int chunkSize) {
    this.pipeline = pipeline;
    this.threads = Math.max(1, threads);
    this.chunkSize = Math.max(1, chunkSize);
  }

  /** One selected tree as the walk goes: its findings at the latest commit linted and since when each is there. */
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

  /** A tree to lint at one commit ({@code index} -1: the --since commit), and what came of it. */
  private static final class Job {
    final TreeState tree;
    final int index;
    final TreeSource source;
    List<Finding> findings = List.of();
    UserError unusable;

    Job(TreeState tree, int index, TreeSource source) {
      this.tree = tree;
      this.index = index;
      this.source = source;
    }
  }

  /**
   * @param path a Haraka tree, or a folder above trees, inside a repository's work tree
   * @param rev the head of the walk
   * @param since the commit to start after, or null for the root commit
   */
  HistoryReport run(String path, String rev, String since) {
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, HistoryLint::worker) : null;
    try (GitRepo repo = GitRepo.containing(Path.of(path)); FirstParentWalk walk = FirstParentWalk.of(repo, rev, since)) {
      // Trees as the head has them: a finding is reported only if it is there at the head.
      List<String> roots = GitSelection.roots(repo, repo.at(rev), List.of(path), false);
      if (roots.isEmpty()) throw new UserError(path + ": no Haraka tree there at " + rev);
      List<TreeState> trees = new ArrayList<>();
      for (String root : roots) trees.add(new TreeState(root));

      // The walk (cheap, in order) stays on this thread; chunks of lints go to the workers, and their
      // results are taken back in commit order, so the report does not depend on the thread count.
      ArrayDeque<CompletableFuture<List<Job>>> pending = new ArrayDeque<>();
      List<Job> chunk = new ArrayList<>();
      if (walk.base() != null) {
        for (TreeState t : trees) chunk.add(new Job(t, -1, walk.tree(t.root, t.target)));
      }
      while (walk.advance()) {
        for (TreeState t : trees) {
          if (t.touchedBy(walk.changed())) chunk.add(new Job(t, walk.position(), walk.tree(t.root, t.target)));
        }
        if (chunk.size() >= chunkSize) {
          pending.add(submit(chunk, pool));
          chunk = new ArrayList<>();
          while (pending.size() > 2 * threads) record(pending.poll());
        }
      }
      pending.add(submit(chunk, pool));
      while (!pending.isEmpty()) record(pending.poll());

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
    } finally {
      if (pool != null) pool.shutdownNow();
    }
  }

  private static Thread worker(Runnable r) {
    Thread t = new Thread(r, "haraka-lint-history");
    t.setDaemon(true);
    return t;
  }

  private CompletableFuture<List<Job>> submit(List<Job> chunk, ExecutorService pool) {
    return pool == null ? CompletableFuture.completedFuture(lintAll(chunk))
        : CompletableFuture.supplyAsync(() -> lintAll(chunk), pool);
  }

  /** Lints a chunk's jobs in order with one parse cache (a file unchanged since the previous job is not parsed again). */
  private List<Job> lintAll(List<Job> chunk) {
    ParsedFiles parsed = ParsedFiles.reused();
    for (Job j : chunk) {
      try {
        j.findings = pipeline.lint(j.source, parsed).findings();
      } catch (UserError notATreeHere) {
        // Before the tree existed (or while it was broken) it has no findings; at the head this is an error.
        j.unusable = notATreeHere;
      }
    }
    lints.addAndGet(chunk.size());
    parses.addAndGet(parsed.parses());
    return chunk;
  }

  private static void record(CompletableFuture<List<Job>> done) {
    List<Job> jobs;
    try {
      jobs = done.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r; // a bug in a rule: Main reports it as internal
      throw e;
    }
    for (Job j : jobs) {
      j.tree.findings = j.findings;
      j.tree.unusable = j.unusable;
      j.tree.runs.present(j.index, j.findings);
    }
  }

  /** Config files read and parsed so far (a file unchanged since the previous commit of its chunk is not parsed again). */
  long parses() {
    return parses.get();
  }

  /** Tree loads so far: one per selected tree and commit that changed it. */
  int lints() {
    return lints.get();
  }
}
