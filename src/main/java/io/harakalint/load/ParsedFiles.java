package io.harakalint.load;

import io.harakalint.model.FileViews;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Config files parsed by earlier loads, reused while a file's {@link TreeSource#contentKey} stays
 * the same: walking a repository's history, most files are unchanged from one commit to the next.
 * Keeps only the latest parse per path, so memory stays that of one tree however long the history.
 */
public final class ParsedFiles {
  private record Cached(Object key, ParsedFile file) {}

  private final boolean enabled;
  private final Map<String, Cached> byPath = new HashMap<>();
  private final FileViews views;
  private long parses;

  private ParsedFiles(boolean enabled) {
    this.enabled = enabled;
    this.views = enabled ? FileViews.shared() : FileViews.none();
  }

  /** What trees built from these parses may share beyond the parse (typed INI files, the relay ACL). */
  FileViews views() {
    return views;
  }

  /** A cache for a series of loads from sources with content keys. */
  public static ParsedFiles reused() {
    return new ParsedFiles(true);
  }

  /** No reuse: every load parses every file (a single {@code check}). */
  public static ParsedFiles none() {
    return new ParsedFiles(false);
  }

  /** How many files were read and parsed (not taken from the cache) so far. */
  public long parses() {
    return parses;
  }

  ParsedFile get(TreeSource source, String relPath, Supplier<ParsedFile> parse) {
    Object key = enabled ? source.contentKey(relPath) : null;
    if (key != null) {
      Cached c = byPath.get(relPath);
      if (c != null && c.key().equals(key)) return c.file();
    }
    parses++;
    ParsedFile fresh = parse.get();
    if (key != null) byPath.put(relPath, new Cached(key, fresh));
    return fresh;
  }
}
