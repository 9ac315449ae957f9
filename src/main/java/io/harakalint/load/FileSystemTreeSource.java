package io.harakalint.load;

import io.harakalint.model.LoadDiagnostic;
import io.harakalint.text.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A tree on disk. Symbolic links are followed only while their target stays inside the tree; one
 * that leaves it is reported and not read, so a {@code tls.ini} link to {@code /etc/shadow} is never
 * opened. Files are read up to {@link #MAX_BYTES}; a larger one is reported, not loaded, and so is one
 * that changes while it is read ({@link CappedFileReader}).
 */
public final class FileSystemTreeSource implements TreeSource {
  /** Far above any real Haraka config file, low enough to keep memory bounded on hostile input. */
  public static final int MAX_BYTES = 8 * 1024 * 1024;

  private final Path root;
  private final Path realRoot;
  private final String displayName;
  private final List<LoadDiagnostic> problems = new ArrayList<>();
  /**
   * Paths reached without a link on the way from a root whose own path has none ("" is that root),
   * by the walk or a lookup, with the no-follow stat taken then. They are inside the tree by
   * construction: a regular file here is read without the per-component real-path check (a
   * realpath() is five system calls, ~11 µs here), its stat serving as the "before" of
   * {@link CappedFileReader#read(Path, BasicFileAttributes)}; a name directly inside a folder here is
   * looked up with one no-follow stat.
   */
  private final java.util.Map<String, BasicFileAttributes> reached = new java.util.HashMap<>();
  /**
   * The tree's top-level names (listed once). A path whose first segment is not among them does not
   * exist, which the loader's probes for package.json, package-lock.json and node_modules learn
   * without a system call or an exception. Null until listed, or if it cannot be.
   */
  private java.util.Set<String> topLevel;
  private boolean topLevelListed;
  private final CappedFileReader reader;

  public FileSystemTreeSource(Path root, String displayName) {
    this(root, displayName, CappedFileReader.DISK);
  }

  /** With another way to open files: tests use it to change a file while it is read. */
  FileSystemTreeSource(Path root, String displayName, CappedFileReader.Opener opener) {
    this.reader = new CappedFileReader(MAX_BYTES, opener);
    this.root = root.toAbsolutePath().normalize();
    try {
      this.realRoot = this.root.toRealPath();
    } catch (NoSuchFileException e) {
      throw new UserError(displayName + ": no such file or directory");
    } catch (IOException e) {
      throw new UserError(displayName + ": cannot be read (" + reason(e) + ")");
    }
    BasicFileAttributes rootAttrs;
    try {
      rootAttrs = Files.readAttributes(realRoot, BasicFileAttributes.class);
    } catch (IOException e) {
      rootAttrs = null;
    }
    if (rootAttrs == null || !rootAttrs.isDirectory()) throw new UserError(displayName + ": not a directory");
    this.displayName = displayName;
    if (this.root.equals(realRoot)) reached.put("", rootAttrs); // the field: the parameter may be relative
  }

  @Override
  public String displayName() {
    return displayName;
  }

  @Override
  public boolean isDirectory(String relPath) {
    Quick q = quick(relPath);
    if (q != null) return q.attrs() != null && q.attrs().isDirectory();
    Path p = resolveInside(relPath);
    return p != null && Files.isDirectory(p);
  }

  @Override
  public boolean isFile(String relPath) {
    Quick q = quick(relPath);
    if (q != null) return q.attrs() != null && q.attrs().isRegularFile();
    Path p = resolveInside(relPath);
    return p != null && Files.isRegularFile(p);
  }

  @Override
  public List<String> children(String relDir) {
    Path dir = resolveInside(relDir);
    if (dir == null || !Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(c -> c.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  @Override
  public List<String> files(String relDir) {
    List<String> out = new ArrayList<>();
    Path start = relDir.isEmpty() ? root : root.resolve(relDir).normalize();
    if (!start.startsWith(root)) return out;
    // A plain name in a real folder: the no-follow stat quick() takes (or took, for the loader's
    // isDirectory just before) says whether it is a folder, and that it is real.
    Quick q = quick(relDir);
    boolean real;
    if (q != null) {
      if (q.attrs() == null || !q.attrs().isDirectory()) return out;
      real = true;
    } else {
      if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) return out;
      real = relDir.isEmpty() && reached.containsKey("");
    }
    walk(start, real, out, 0);
    out.sort(null);
    return out;
  }

  private void walk(Path dir, boolean real, List<String> out, int depth) {
    if (depth > 32) return;
    List<Path> children;
    try (Stream<Path> s = Files.list(dir)) {
      children = s.sorted().toList();
    } catch (IOException e) {
      problems.add(new LoadDiagnostic(LoadDiagnostic.Kind.UNREADABLE, Span.startOf(rel(dir)),
          "folder cannot be listed (" + reason(e) + ")"));
      return;
    }
    for (Path child : children) {
      String rel = rel(child);
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException gone) {
        continue; // removed between the listing and now
      }
      if (attrs.isSymbolicLink()) {
        Path target = resolveInside(rel);
        if (target == null) {
          problems.add(new LoadDiagnostic(LoadDiagnostic.Kind.UNREADABLE, Span.startOf(rel), linkProblem(child)));
          continue;
        }
        if (Files.isDirectory(target)) {
          // A link to a folder inside the tree would be walked twice (or forever, for a loop).
          problems.add(new LoadDiagnostic(LoadDiagnostic.Kind.UNREADABLE, Span.startOf(rel),
              "symbolic link to a folder inside the tree; not followed"));
          continue;
        }
        if (Files.isRegularFile(target)) out.add(rel);
        else notRegular(rel);
        continue;
      }
      if (attrs.isDirectory()) {
        if (real) reached.put(rel, attrs);
        walk(child, real, out, depth + 1);
      } else if (attrs.isRegularFile()) {
        out.add(rel);
        if (real) reached.put(rel, attrs);
      } else {
        notRegular(rel);
      }
    }
  }

  @Override
  public ReadResult read(String relPath) {
    // A file reached without links is inside by construction: no real-path check, and its stat is
    // the "before" of the read.
    Quick q = quick(relPath);
    if (q != null && q.attrs() != null && q.attrs().isRegularFile()) {
      return reader.read(root.resolve(relPath), q.attrs());
    }
    Path p = resolveInside(relPath);
    if (p == null) {
      Path named = root.resolve(relPath).normalize();
      return ReadResult.failed(named.startsWith(root) ? linkProblem(named) : "is outside the tree; not read");
    }
    return reader.read(p);
  }

  /** A FIFO, socket or device where a config file could be: never opened (a FIFO would block forever). */
  private void notRegular(String rel) {
    problems.add(new LoadDiagnostic(LoadDiagnostic.Kind.UNREADABLE, Span.startOf(rel),
        "is not a regular file (a FIFO, socket or device); not read"));
  }

  /** Why a path whose real location is not inside the tree was not read. */
  private String linkProblem(Path p) {
    try {
      Path real = p.toRealPath();
      return real.startsWith(realRoot) ? "cannot be read" : "is a symbolic link that leaves the tree; not read";
    } catch (NoSuchFileException e) {
      return Files.isSymbolicLink(p) ? "is a broken symbolic link; not read" : "no such file";
    } catch (IOException e) {
      return "cannot be resolved (" + CappedFileReader.reason(e) + "); not read";
    }
  }

  @Override
  public List<LoadDiagnostic> listingProblems() {
    return List.copyOf(problems);
  }

  /** What one no-follow stat says of a path; attrs null: it does not exist. */
  private record Quick(BasicFileAttributes attrs) {}

  private static final Quick ABSENT = new Quick(null);

  /**
   * Looks relPath up in {@link #reached}, or with one no-follow stat when its folder is there; null
   * when that shortcut does not apply (an unknown folder, a link, an odd name), and the caller takes
   * the careful path through the real path.
   */
  private Quick quick(String relPath) {
    if (relPath.isEmpty()) return null;
    BasicFileAttributes known = reached.get(relPath);
    if (known != null) return new Quick(known);
    String name = relPath.substring(relPath.lastIndexOf('/') + 1);
    if (name.isEmpty() || name.equals(".") || name.equals("..") || !isRealFolder(parentOf(relPath))) return null;
    if (!mayExist(firstSegment(relPath))) return ABSENT;
    try {
      BasicFileAttributes a = Files.readAttributes(root.resolve(relPath), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (a.isSymbolicLink()) return null;
      if (a.isDirectory() || a.isRegularFile()) reached.put(relPath, a);
      return new Quick(a);
    } catch (NoSuchFileException e) {
      return ABSENT;
    } catch (IOException e) {
      return null;
    }
  }

  private boolean isRealFolder(String relPath) {
    BasicFileAttributes a = reached.get(relPath);
    return a != null && a.isDirectory();
  }

  private static String parentOf(String relPath) {
    int slash = relPath.lastIndexOf('/');
    return slash < 0 ? "" : relPath.substring(0, slash);
  }

  /** The real path of relPath if it exists and stays inside the tree; otherwise null. */
  private Path resolveInside(String relPath) {
    if (!relPath.isEmpty() && !mayExist(firstSegment(relPath))) return null;
    Path p = relPath.isEmpty() ? root : root.resolve(relPath).normalize();
    if (!p.startsWith(root)) return null;
    try {
      Path real = p.toRealPath();
      return real.startsWith(realRoot) ? real : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** False only when the top level was listed and has no such name (unlistable: anything may exist). */
  private boolean mayExist(String topLevelName) {
    if (!topLevelListed) {
      topLevelListed = true;
      try (Stream<Path> s = Files.list(root)) {
        topLevel = s.map(c -> c.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
      } catch (IOException unlistable) {
        topLevel = null; // cannot tell: every lookup takes the careful path
      }
    }
    return topLevel == null || topLevel.contains(topLevelName);
  }

  private static String firstSegment(String relPath) {
    int slash = relPath.indexOf('/');
    return slash < 0 ? relPath : relPath.substring(0, slash);
  }

  private String rel(Path p) {
    // Every path handed here is below root: cut the prefix instead of building a relative Path.
    String whole = p.toString();
    String prefix = root.toString();
    if (whole.startsWith(prefix) && whole.length() > prefix.length()) {
      String rest = whole.substring(prefix.length() + (prefix.endsWith("/") ? 0 : 1));
      return rest.replace('\\', '/');
    }
    return root.relativize(p).toString().replace('\\', '/');
  }

  private static String reason(IOException e) {
    return CappedFileReader.reason(e);
  }
}
