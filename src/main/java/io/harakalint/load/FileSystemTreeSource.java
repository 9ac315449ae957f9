package io.harakalint.load;

import io.harakalint.model.LoadDiagnostic;
import io.harakalint.text.Span;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    Path start = relDir.isEmpty() ? root : root.resolve(relDir);
    if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) return out;
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
      if (Files.isSymbolicLink(child)) {
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
      if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        walk(child, out, depth + 1);
      } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
        out.add(rel);
      }
    }
  }

  @Override
  public ReadResult read(String relPath) {
    Path p = resolveInside(relPath);
    if (p == null) return ReadResult.failed("outside the tree or a broken link; not read");
    try {
      long size = Files.size(p);
      if (size > MAX_BYTES) {
        return ReadResult.failed("larger than " + (MAX_BYTES / (1024 * 1024)) + " MiB (" + size + " bytes); not read");
      }
      try (InputStream in = Files.newInputStream(p)) {
        // Read at most MAX_BYTES + 1 even if the file grows while we read it.
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) return ReadResult.failed("grew past the size limit while being read; not read");
        return ReadResult.ok(bytes);
      }
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
    Path p = relPath.isEmpty() ? root : root.resolve(relPath).normalize();
    if (!p.startsWith(root)) return null;
    try {
      Path real = p.toRealPath();
      return real.startsWith(realRoot) ? real : null;
    } catch (IOException e) {
      return null;
    }
  }

  private String rel(Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof NoSuchFileException) return "no such file";
    return e.getClass().getSimpleName();
  }
}
