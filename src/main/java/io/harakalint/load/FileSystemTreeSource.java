package io.harakalint.load;

import io.harakalint.model.LoadDiagnostic;
import io.harakalint.text.Span;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A tree on disk. Symbolic links are followed only while their target stays inside the tree; one
 * that leaves it is reported and not read, so a {@code tls.ini} link to {@code /etc/shadow} is never
 * opened. Files are read up to {@link #MAX_BYTES}; a larger one is reported, not loaded.
 */
public final class FileSystemTreeSource implements TreeSource {
  /** Far above any real Haraka config file, low enough to keep memory bounded on hostile input. */
  public static final int MAX_BYTES = 8 * 1024 * 1024;

  private final Path root;
  private final Path realRoot;
  private final String displayName;
  private final List<LoadDiagnostic> problems = new ArrayList<>();
  /**
   * Files the walk reached through real folders (no link on the way) and found to be regular files:
   * they are inside the tree by construction, so reading them skips the per-component real-path
   * check (five lstat calls per file, a third of a recursive run's system time).
   */
  private final java.util.Set<String> walkedPlainFiles = new java.util.HashSet<>();
  /**
   * The tree's top-level names with their attributes (read once, not following links). A path whose
   * first segment is not among them does not exist, which the loader's probes for package.json,
   * package-lock.json and node_modules learn without the exception a failed real-path lookup costs.
   */
  private Map<String, BasicFileAttributes> topLevel;
  /** False when the tree's own path has a link in it: then every read takes the careful path. */
  private boolean walkedThroughRealFolders;

  public FileSystemTreeSource(Path root, String displayName) {
    this.root = root.toAbsolutePath().normalize();
    try {
      this.realRoot = this.root.toRealPath();
    } catch (NoSuchFileException e) {
      throw new UserError(displayName + ": no such file or directory");
    } catch (IOException e) {
      throw new UserError(displayName + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (!Files.isDirectory(realRoot)) throw new UserError(displayName + ": not a directory");
    this.displayName = displayName;
  }

  @Override
  public String displayName() {
    return displayName;
  }

  @Override
  public boolean isDirectory(String relPath) {
    Path p = resolveInside(relPath);
    return p != null && Files.isDirectory(p);
  }

  @Override
  public boolean isFile(String relPath) {
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
    if (!start.startsWith(root) || !Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) return out;
    walkedThroughRealFolders = root.equals(realRoot);
    walk(start, out, 0);
    out.sort(null);
    return out;
  }

  private void walk(Path dir, List<String> out, int depth) {
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
          problems.add(new LoadDiagnostic(LoadDiagnostic.Kind.UNREADABLE, Span.startOf(rel),
              "symbolic link leaves the tree or is broken; not read"));
          continue;
        }
        if (Files.isDirectory(target)) {
          // A link to a folder inside the tree would be walked twice (or forever, for a loop).
          problems.add(new LoadDiagnostic(LoadDiagnostic.Kind.UNREADABLE, Span.startOf(rel),
              "symbolic link to a folder inside the tree; not followed"));
          continue;
        }
        if (Files.isRegularFile(target)) out.add(rel);
        continue;
      }
      if (attrs.isDirectory()) {
        walk(child, out, depth + 1);
      } else if (attrs.isRegularFile()) {
        out.add(rel);
        if (walkedThroughRealFolders) walkedPlainFiles.add(rel);
      }
    }
  }

  @Override
  public ReadResult read(String relPath) {
    boolean walked = walkedPlainFiles.contains(relPath);
    Path p = walked ? root.resolve(relPath) : resolveInside(relPath);
    if (p == null) return ReadResult.failed("outside the tree or a broken link; not read");
    // A walked file is opened without following a link, in case one replaced it since the walk.
    try (SeekableByteChannel ch = walked ? Files.newByteChannel(p, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))
        : Files.newByteChannel(p)) {
      long size = ch.size();
      if (size > MAX_BYTES) {
        return ReadResult.failed("larger than " + (MAX_BYTES / (1024 * 1024)) + " MiB (" + size + " bytes); not read");
      }
      // One array of the size the file has; then one more read to notice that it grew meanwhile.
      ByteBuffer buf = ByteBuffer.allocate((int) size);
      while (buf.hasRemaining() && ch.read(buf) >= 0) {
        // keep reading: a channel may return fewer bytes than asked
      }
      if (buf.hasRemaining()) return ReadResult.ok(Arrays.copyOf(buf.array(), buf.position())); // it shrank
      if (ch.read(ByteBuffer.allocate(1)) > 0) {
        try (InputStream in = Files.newInputStream(p)) {
          byte[] more = in.readNBytes(MAX_BYTES + 1);
          if (more.length > MAX_BYTES) return ReadResult.failed("grew past the size limit while being read; not read");
          return ReadResult.ok(more);
        }
      }
      return ReadResult.ok(buf.array());
    } catch (IOException e) {
      return ReadResult.failed("cannot be read (" + reason(e) + ")");
    }
  }

  @Override
  public List<LoadDiagnostic> listingProblems() {
    return List.copyOf(problems);
  }

  /** The real path of relPath if it exists and stays inside the tree; otherwise null. */
  private Path resolveInside(String relPath) {
    if (!relPath.isEmpty() && !topLevelNames().containsKey(firstSegment(relPath))) return null;
    Path p = relPath.isEmpty() ? root : root.resolve(relPath).normalize();
    if (!p.startsWith(root)) return null;
    try {
      Path real = p.toRealPath();
      return real.startsWith(realRoot) ? real : null;
    } catch (IOException e) {
      return null;
    }
  }

  private Map<String, BasicFileAttributes> topLevelNames() {
    if (topLevel == null) {
      Map<String, BasicFileAttributes> names = new HashMap<>();
      try (DirectoryStream<Path> s = Files.newDirectoryStream(root)) {
        for (Path child : s) {
          try {
            names.put(child.getFileName().toString(),
                Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
          } catch (IOException gone) {
            // removed since the listing: as if it never was
          }
        }
      } catch (IOException unlistable) {
        names = null; // cannot tell: every lookup takes the careful path
      }
      topLevel = names == null ? new AllNames() : names;
    }
    return topLevel;
  }

  /** Stands for "every name may exist" when the top level cannot be listed. */
  private static final class AllNames extends HashMap<String, BasicFileAttributes> {
    @Override
    public boolean containsKey(Object key) {
      return true;
    }
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
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof NoSuchFileException) return "no such file";
    return e.getClass().getSimpleName();
  }
}
