package io.harakalint.load;

import io.harakalint.model.LoadDiagnostic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

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
    String prefix = relPath.isEmpty() ? "" : relPath + "/";
    String next = files.ceilingKey(prefix);
    return next != null && next.startsWith(prefix);
  }

  @Override
  public boolean isFile(String relPath) {
    return files.containsKey(relPath);
  }

  @Override
  public List<String> children(String relDir) {
    String prefix = relDir.isEmpty() ? "" : relDir + "/";
    TreeSet<String> out = new TreeSet<>();
    for (String k : files.tailMap(prefix, true).keySet()) {
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
    for (String k : files.tailMap(prefix, true).keySet()) {
      if (!k.startsWith(prefix)) break;
      out.add(k);
    }
    return out;
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
