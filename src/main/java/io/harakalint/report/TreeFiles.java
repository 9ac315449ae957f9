package io.harakalint.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a linted tree sits and how to read its files' lines: what the report formats need beyond
 * the findings. Machine formats give paths relative to the repository (GitHub code scanning and
 * GitLab want them so); the HTML report shows lines in context.
 */
public final class TreeFiles {
  /** A report with no tree behind it (tests, synthetic reports): paths as findings give them, no lines. */
  public static final TreeFiles NONE = new TreeFiles(null, "", null);

  private final Path dir;
  private final SourceText text;
  private String root;

  private TreeFiles(Path dir, String root, SourceText text) {
    this.dir = dir;
    this.root = root;
    this.text = text;
  }

  /** A tree on disk: its root is found (when asked for) relative to the git work tree holding it, or the current folder. */
  public static TreeFiles onDisk(Path dir, SourceText text) {
    return new TreeFiles(dir.toAbsolutePath().normalize(), null, text);
  }

  /** A tree read from git: {@code root} is its folder relative to the repository ("" for the top). */
  public static TreeFiles inRepository(String root, SourceText text) {
    return new TreeFiles(null, root, text);
  }

  public Optional<List<String>> lines(String file) {
    return text == null ? Optional.empty() : text.lines(file);
  }

  /**
   * The tree's folder relative to the repository that holds it (or to the current folder when none
   * does), with '/' separators and no trailing '/'; "" for the top; an absolute path when the tree
   * is outside both.
   */
  public synchronized String root() {
    if (root == null) root = computeRoot(dir);
    return root;
  }

  /** A finding's file as a path relative to the repository, with '/' separators. */
  public String path(String file) {
    String r = root();
    return r.isEmpty() ? file : r + "/" + file;
  }

  private static String computeRoot(Path dir) {
    Path base = null;
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        base = p;
        break;
      }
    }
    if (base == null) {
      Path cwd = Path.of("").toAbsolutePath().normalize();
      if (dir.startsWith(cwd)) base = cwd;
    }
    String rel = base == null ? dir.toString() : base.relativize(dir).toString();
    rel = rel.replace('\\', '/');
    if (rel.endsWith("/") && rel.length() > 1) rel = rel.substring(0, rel.length() - 1);
    return rel.equals(".") ? "" : rel;
  }

  /** Whether {@link #root()} is absolute: the tree is in no repository and not below the current folder. */
  public boolean isAbsolute() {
    String r = root();
    return r.startsWith("/") || r.toLowerCase(Locale.ROOT).matches("^[a-z]:/.*");
  }
}
