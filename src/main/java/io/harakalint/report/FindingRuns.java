package io.harakalint.report;

import io.harakalint.rules.Finding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each finding's current run of presence began, fed one commit at a time, oldest first. A
 * finding that goes away and comes back starts a new run: the commit that brought it back is the
 * one that introduced what is there now.
 */
public final class FindingRuns {
  /** The fingerprint's input (rule, file, anchor) unhashed: equal exactly when fingerprints are, without SHA-256 per commit. */
  private record Key(String rule, String file, String anchor) {
    static Key of(Finding f) {
      return new Key(f.ruleId(), f.span().file(), f.anchor());
    }
  }

  private Map<Key, Integer> started = new HashMap<>();

  /** The findings present at commit {@code index}; indexes must not decrease. */
  public void present(int index, List<Finding> findings) {
    Map<Key, Integer> next = new HashMap<>();
    for (Finding f : findings) {
      Key k = Key.of(f);
      next.put(k, started.getOrDefault(k, index));
    }
    started = next;
  }

  /** The commit index where {@code f}'s current run began. */
  public int startOf(Finding f) {
    Integer i = started.get(Key.of(f));
    if (i == null) throw new IllegalArgumentException("not present at the last commit: " + f.ruleId());
    return i;
  }
}
