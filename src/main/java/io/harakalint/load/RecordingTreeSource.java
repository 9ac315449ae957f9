package io.harakalint.load;

import io.harakalint.model.LoadDiagnostic;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tree source that remembers every path read through it, so the loader-vs-haraka-config
 * benchmark (and its test) can check that both sides load the same files.
 */
public final class RecordingTreeSource implements TreeSource {
  private final TreeSource inner;
  private final Set<String> read = new TreeSet<>();

  public RecordingTreeSource(TreeSource inner) {
    this.inner = inner;
  }

  /** Paths read so far, relative to the tree, sorted. */
  public List<String> readPaths() {
    return List.copyOf(read);
  }

  @Override
  public String displayName() {
    return inner.displayName();
  }

  @Override
  public boolean isDirectory(String relPath) {
    return inner.isDirectory(relPath);
  }

  @Override
  public boolean isFile(String relPath) {
    return inner.isFile(relPath);
  }

  @Override
  public List<String> children(String relDir) {
    return inner.children(relDir);
  }

  @Override
  public List<String> files(String relDir) {
    return inner.files(relDir);
  }

  @Override
  public ReadResult read(String relPath) {
    read.add(relPath);
    return inner.read(relPath);
  }

  @Override
  public List<LoadDiagnostic> listingProblems() {
    return inner.listingProblems();
  }
}
