package io.harakalint.legacy;

import io.harakalint.load.TreeSource;
import io.harakalint.model.LoadDiagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A tree as it would be after a patch: the patched files' new bytes over the files on disk. */
final class OverlayTreeSource implements TreeSource {
  private final TreeSource base;
  private final Map<String, byte[]> patched;

  OverlayTreeSource(TreeSource base, Map<String, byte[]> patched) {
    this.base = base;
    this.patched = patched;
  }

  @Override
  public String displayName() {
    return base.displayName();
  }

  @Override
  public boolean isDirectory(String relPath) {
    if (base.isDirectory(relPath)) return true;
    String dir = relPath.endsWith("/") ? relPath : relPath + "/";
    return patched.keySet().stream().anyMatch(p -> p.startsWith(dir));
  }

  @Override
  public boolean isFile(String relPath) {
    return patched.containsKey(relPath) || base.isFile(relPath);
  }

  @Override
  public List<String> children(String relDir) {
    TreeSet<String> out = new TreeSet<>(base.children(relDir));
    String dir = relDir.isEmpty() || relDir.endsWith("/") ? relDir : relDir + "/";
    for (String p : patched.keySet()) {
      if (p.startsWith(dir) && !p.substring(dir.length()).contains("/")) out.add(p.substring(dir.length()));
    }
    return new ArrayList<>(out);
  }

  @Override
  public List<String> files(String relDir) {
    TreeSet<String> out = new TreeSet<>(base.files(relDir));
    String dir = relDir.isEmpty() || relDir.endsWith("/") ? relDir : relDir + "/";
    for (String p : patched.keySet()) if (p.startsWith(dir)) out.add(p);
    return new ArrayList<>(out);
  }

  @Override
  public ReadResult read(String relPath) {
    byte[] b = patched.get(relPath);
    return b != null ? ReadResult.ok(b.clone()) : base.read(relPath);
  }

  @Override
  public List<LoadDiagnostic> listingProblems() {
    return base.listingProblems();
  }
}
