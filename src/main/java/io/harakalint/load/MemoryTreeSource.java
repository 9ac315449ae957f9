package io.harakalint.load;

import io.harakalint.model.LoadDiagnostic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A tree held in memory: rule examples, tests, and (later) content taken from git. */
public final class MemoryTreeSource implements TreeSource {
  private final String displayName;
  private final TreeMap<String, byte[]> files = new TreeMap<>();
  private final Map<String, String> unreadable = new java.util.HashMap<>();

  public MemoryTreeSource(String displayName) {
    this.displayName = displayName;
  }

  public MemoryTreeSource put(String relPath, String text) {
    return put(relPath, text.getBytes(StandardCharsets.UTF_8));
  }

  public MemoryTreeSource put(String relPath, byte[] bytes) {
    files.put(relPath, bytes.clone());
    return this;
  }

  /** A file that is listed but cannot be read (as a permission problem would make it). */
  public MemoryTreeSource putUnreadable(String relPath, String reason) {
    files.put(relPath, new byte[0]);
    unreadable.put(relPath, reason);
    return this;
  }

  public Map<String, byte[]> contents() {
    return java.util.Collections.unmodifiableMap(files);
  }

  @Override
  public String displayName() {
    return displayName;
  }

  @Override
  public boolean isDirectory(String relPath) {
    return PathIndex.isDirectory(files, relPath);
  }

  @Override
  public boolean isFile(String relPath) {
    return files.containsKey(relPath);
  }

  @Override
  public List<String> children(String relDir) {
    return PathIndex.children(files, relDir);
  }

  @Override
  public List<String> files(String relDir) {
    return PathIndex.below(files, relDir);
  }

  @Override
  public ReadResult read(String relPath) {
    if (unreadable.containsKey(relPath)) return ReadResult.failed(unreadable.get(relPath));
    byte[] b = files.get(relPath);
    return b == null ? ReadResult.failed("no such file") : ReadResult.ok(b.clone());
  }

  @Override
  public List<LoadDiagnostic> listingProblems() {
    return List.of();
  }
}
