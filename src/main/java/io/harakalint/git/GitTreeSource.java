package io.harakalint.git;

import io.harakalint.load.FileSystemTreeSource;
import io.harakalint.load.TreeSource;
import io.harakalint.model.LoadDiagnostic;
import io.harakalint.text.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
  private final ObjectReader reader;
  private final List<LoadDiagnostic> problems = new ArrayList<>();

  GitTreeSource(String displayName, Map<String, Entry> entries, ObjectReader reader) {
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
    String prefix = relPath.isEmpty() ? "" : relPath + "/";
    String next = entries.ceilingKey(prefix);
    return next != null && next.startsWith(prefix);
  }

  @Override
  public boolean isFile(String relPath) {
    Entry e = entries.get(relPath);
    return e != null && isRegular(e.mode());
  }

  @Override
  public List<String> children(String relDir) {
    String prefix = relDir.isEmpty() ? "" : relDir + "/";
    TreeSet<String> out = new TreeSet<>();
    for (String k : entries.tailMap(prefix, true).keySet()) {
      if (!k.startsWith(prefix)) break;
      String rest = k.substring(prefix.length());
      int slash = rest.indexOf('/');
      out.add(slash < 0 ? rest : rest.substring(0, slash));
    }
    return new ArrayList<>(out);
  }

  @Override
  public List<String> files(String relDir) {
    String prefix = relDir.isEmpty() ? "" : relDir + "/";
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Entry> e : entries.tailMap(prefix, true).entrySet()) {
      if (!e.getKey().startsWith(prefix)) break;
      if (isRegular(e.getValue().mode())) {
        out.add(e.getKey());
      } else if (e.getValue().mode() == FileMode.SYMLINK) {
        problems.add(new LoadDiagnostic(LoadDiagnostic.Kind.UNREADABLE, Span.startOf(e.getKey()),
            "is a symbolic link in git; not followed"));
      }
    }
    return out;
  }

  @Override
  public ReadResult read(String relPath) {
    Entry e = entries.get(relPath);
    if (e == null || !isRegular(e.mode())) return ReadResult.failed("not a file in git");
    try {
      ObjectLoader loader = reader.open(e.blob());
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
