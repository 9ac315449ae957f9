package io.harakalint.cli;

import io.harakalint.git.GitRepo;
import io.harakalint.git.GitTreeSource;
import io.harakalint.load.TreeSource;
import io.harakalint.load.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which trees {@code check --staged} or {@code check --rev} lints, read from git. Kept apart from
 * the command so JGit is loaded only when one of those options is used.
 */
final class GitSelection {
  private GitSelection() {}

  /** A tree to lint: its display name, its folder in the repository ("" for the top) and its files. */
  record Selected(String name, String root, TreeSource source) {}

  /**
   * The trees to lint, each as a source and a display name. A PATH that is a Haraka tree is linted;
   * a PATH above trees (default: the current folder) selects the trees below it, and with --staged
   * only those the commit touches (a hook has nothing to say about the others).
   */
  static List<Selected> trees(List<String> paths, String rev, boolean staged) {
    Path start = Path.of(paths.isEmpty() ? "." : paths.get(0));
    GitRepo repo = GitRepo.containing(start);
    Map<String, GitTreeSource.Entry> content = staged ? repo.staged() : repo.at(rev);
    List<String> roots = roots(repo, content, paths, staged);
    Map<String, Selected> out = new LinkedHashMap<>();
    String label = staged ? "staged" : rev;
    for (String root : roots) {
      String name = (root.isEmpty() ? "." : root) + " (" + label + ")";
      out.put(name, new Selected(name, root, repo.tree(content, root, name)));
    }
    return new ArrayList<>(out.values());
  }

  /**
   * The folders of the Haraka trees in {@code content} that {@code paths} select (default: all below the
   * current folder); with {@code staged}, of those below a named folder only the trees the commit touches.
   */
  static List<String> roots(GitRepo repo, Map<String, GitTreeSource.Entry> content, List<String> paths, boolean staged) {
    List<String> all = GitRepo.harakaTrees(content.keySet());
    List<String> roots = new ArrayList<>();
    if (paths.isEmpty()) paths = List.of(".");
    StagedChanges changes = staged ? new StagedChanges(repo, content) : null;
    for (String p : paths) {
      String rel = repo.relative(Path.of(p));
      if (all.contains(rel)) {
        roots.add(rel); // named explicitly: linted even if the commit does not touch it
        continue;
      }
      // A folder above Haraka trees (the repository, a customers/ folder): the trees below it.
      String prefix = rel.isEmpty() ? "" : rel + "/";
      for (String root : all) {
        if (root.startsWith(prefix) && (!staged || changes.touch(root))) roots.add(root);
      }
    }
    return roots.stream().distinct().toList();
  }

  /**
   * The paths the next commit changes (the index against HEAD), worked out once and only if a
   * folder above trees is named. Once per tree was a full walk of HEAD and of the index for every
   * tree: a hook on a hosting provider's repository of 10,000 trees would never finish.
   */
  static final class StagedChanges {
    private final GitRepo repo;
    private final Map<String, GitTreeSource.Entry> staged;
    private List<String> changed; // null until needed
    private boolean noHead;

    StagedChanges(GitRepo repo, Map<String, GitTreeSource.Entry> staged) {
      this.repo = repo;
      this.staged = staged;
    }

    /** Whether the commit adds, changes or removes a file below {@code root} ("" = anywhere). */
    boolean touch(String root) {
      if (changed == null) changed = compute();
      if (noHead) return true; // first commit: everything is new
      String prefix = root.isEmpty() ? "" : root + "/";
      for (String p : changed) if (p.startsWith(prefix)) return true;
      return false;
    }

    private List<String> compute() {
      Map<String, GitTreeSource.Entry> head;
      try {
        head = repo.at("HEAD");
      } catch (UserError noHeadYet) {
        noHead = true;
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (Map.Entry<String, GitTreeSource.Entry> e : staged.entrySet()) {
        GitTreeSource.Entry before = head.get(e.getKey());
        if (before == null || !Objects.equals(before.blob(), e.getValue().blob())) out.add(e.getKey());
      }
      for (String p : head.keySet()) if (!staged.containsKey(p)) out.add(p);
      return out;
    }
  }
}
