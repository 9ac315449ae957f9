package io.harakalint.git;

import io.harakalint.load.FileSystemTreeSource;
import io.harakalint.load.PathIndex;
import io.harakalint.load.TreeSource;
import io.harakalint.model.LoadDiagnostic;
import io.harakalint.text.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * A Haraka tree as git holds it (the index for {@code --staged}, a commit for {@code --rev}):
 * paths relative to the tree root, blobs read on demand. Symbolic links are reported and never
 * followed, as on disk; submodules are ignored.
 */
public final class GitTreeSource implements TreeSource {
  /** One entry: its blob and mode. */
  public record Entry(ObjectId blob, FileMode mode) {}

  private final String displayName;
  private final TreeMap<String, Entry> entries;
  private final Supplier<ObjectReader> reader;
  private final List<LoadDiagnostic> problems = new ArrayList<>();

  GitTreeSource(String displayName, Map<String, Entry> entries, ObjectReader reader) {
    this(displayName, entries, () -> reader);
  }

  /** @param reader the reader of the thread that reads (JGit's readers are not thread-safe) */
  GitTreeSource(String displayName, Map<String, Entry> entries, Supplier<ObjectReader> reader) {
    this.displayName = displayName;
    this.entries = new TreeMap<>(entries);
    this.reader = reader;
  }

  @Override
  public String displayName() {
    return displayName;
  }

  @Override
  public boolean isDirectory(String relPath) {
    return PathIndex.isDirectory(entries, relPath);
  }

  @Override
  public boolean isFile(String relPath) {
    Entry e = entries.get(relPath);
    return e != null && isRegular(e.mode());
  }

  @Override
  public List<String> children(String relDir) {
    return PathIndex.children(entries, relDir);
  }

  @Override
  public List<String> files(String relDir) {
    List<String> out = new ArrayList<>();
    for (String path : PathIndex.below(entries, relDir)) {
      FileMode mode = entries.get(path).mode();
      if (isRegular(mode)) {
        out.add(path);
      } else if (mode == FileMode.SYMLINK) {
        problems.add(new LoadDiagnostic(LoadDiagnostic.Kind.UNREADABLE, Span.startOf(path),
            "is a symbolic link in git; not followed"));
      }
    }
    return out;
  }

  /** The blob id: the same bytes under the same path parse the same way in every commit. */
  @Override
  public Object contentKey(String relPath) {
    Entry e = entries.get(relPath);
    return e == null ? null : e.blob();
  }

  @Override
  public ReadResult read(String relPath) {
    Entry e = entries.get(relPath);
    if (e == null || !isRegular(e.mode())) return ReadResult.failed("not a file in git");
    try {
      ObjectLoader loader = reader.get().open(e.blob());
      if (loader.getSize() > FileSystemTreeSource.MAX_BYTES) {
        return ReadResult.failed("larger than " + (FileSystemTreeSource.MAX_BYTES / (1024 * 1024)) + " MiB; not read");
      }
      return ReadResult.ok(loader.getBytes());
    } catch (IOException ex) {
      return ReadResult.failed("cannot be read from git (" + ex.getClass().getSimpleName() + ")");
    }
  }

  @Override
  public List<LoadDiagnostic> listingProblems() {
    return List.copyOf(problems);
  }

  private static boolean isRegular(FileMode m) {
    return m == FileMode.REGULAR_FILE || m == FileMode.EXECUTABLE_FILE;
  }
}
