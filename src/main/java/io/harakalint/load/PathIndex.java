package io.harakalint.load;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeSet;

/**
 * Folder questions over a sorted map of '/'-separated file paths, for tree sources that hold a
 * listing rather than a file system (memory, a git index or commit).
 */
public final class PathIndex {
  private PathIndex() {}

  private static String prefix(String relDir) {
    return relDir.isEmpty() ? "" : relDir + "/";
  }

  public static boolean isDirectory(NavigableMap<String, ?> paths, String relPath) {
    String prefix = prefix(relPath);
    String next = paths.ceilingKey(prefix);
    return next != null && next.startsWith(prefix);
  }

  /** Names directly inside {@code relDir}, files and folders, sorted. */
  public static List<String> children(NavigableMap<String, ?> paths, String relDir) {
    String prefix = prefix(relDir);
    TreeSet<String> out = new TreeSet<>();
    for (String k : paths.tailMap(prefix, true).keySet()) {
      if (!k.startsWith(prefix)) break;
      String rest = k.substring(prefix.length());
      int slash = rest.indexOf('/');
      out.add(slash < 0 ? rest : rest.substring(0, slash));
    }
    return new ArrayList<>(out);
  }

  /** Every path below {@code relDir}, in order. */
  public static List<String> below(NavigableMap<String, ?> paths, String relDir) {
    String prefix = prefix(relDir);
    List<String> out = new ArrayList<>();
    for (String k : paths.tailMap(prefix, true).keySet()) {
      if (!k.startsWith(prefix)) break;
      out.add(k);
    }
    return out;
  }
}
