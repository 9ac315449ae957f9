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
    for (String p : paths) {
      String rel = repo.relative(Path.of(p));
      if (all.contains(rel)) {
        roots.add(rel); // named explicitly: linted even if the commit does not touch it
        continue;
      }
      // A folder above Haraka trees (the repository, a customers/ folder): the trees below it.
      String prefix = rel.isEmpty() ? "" : rel + "/";
      for (String root : all) {
        if (root.startsWith(prefix) && (!staged || changedUnder(repo, content, root))) roots.add(root);
      }
    }
    return roots.stream().distinct().toList();
  }

  private static boolean changedUnder(GitRepo repo, Map<String, GitTreeSource.Entry> staged, String root) {
    Map<String, GitTreeSource.Entry> head;
    try {
      head = repo.at("HEAD");
    } catch (UserError noHeadYet) {
      return true; // first commit: everything is new
    }
    String prefix = root.isEmpty() ? "" : root + "/";
    for (Map.Entry<String, GitTreeSource.Entry> e : staged.entrySet()) {
      if (!e.getKey().startsWith(prefix)) continue;
      GitTreeSource.Entry before = head.get(e.getKey());
      if (before == null || !Objects.equals(before.blob(), e.getValue().blob())) return true;
    }
    for (String p : head.keySet()) if (p.startsWith(prefix) && !staged.containsKey(p)) return true;
    return false;
  }
}
