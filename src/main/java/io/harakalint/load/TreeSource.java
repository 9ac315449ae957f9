package io.harakalint.load;

import io.harakalint.model.LoadDiagnostic;
import java.util.List;

/**
 * Where a Haraka tree's files come from: the file system, or (later) a git index or commit. Paths
 * are relative to the tree the user named, with '/' separators. Implementations never return
 * anything outside that tree.
 */
public interface TreeSource {
  /** What the user named, for messages and the report's target. */
  String displayName();

  boolean isDirectory(String relPath);

  boolean isFile(String relPath);

  /** Names of the entries directly inside {@code relDir}, sorted; empty when it is not a folder. */
  List<String> children(String relDir);

  /** Regular files below {@code relDir} ("" for the root), recursively, sorted. */
  List<String> files(String relDir);

  /** The file's bytes, or a reason it cannot be read. */
  ReadResult read(String relPath);

  /**
   * Something that changes whenever the file's bytes do (git's blob id), so a parse can be reused
   * across trees that share the file; null when the source cannot tell without reading it.
   */
  default Object contentKey(String relPath) {
    return null;
  }

  /** Problems met while listing (links that leave the tree, unreadable folders). */
  List<LoadDiagnostic> listingProblems();

  /** Either bytes or a one-line reason, never both. */
  record ReadResult(byte[] bytes, String problem) {
    public static ReadResult ok(byte[] bytes) {
      return new ReadResult(bytes, null);
    }

    public static ReadResult failed(String problem) {
      return new ReadResult(null, problem);
    }

    public boolean isOk() {
      return bytes != null;
    }
  }
}
