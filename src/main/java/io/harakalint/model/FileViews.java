package io.harakalint.model;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Views built from one parsed file alone (an INI file typed with its declared booleans, the relay
 * ACL's entries), shared by the trees of consecutive commits that hold the very same parsed
 * document: history reuses a file's parse while its blob is unchanged, and with it what was built
 * from that parse. Keeps the latest view per name; one walk at a time (not thread-safe).
 */
public final class FileViews {
  private record Cached(Object document, Object view) {}

  private final boolean enabled;
  private final Map<String, Cached> byName = new HashMap<>();

  private FileViews(boolean enabled) {
    this.enabled = enabled;
  }

  /** Shared between the trees a series of loads makes. */
  public static FileViews shared() {
    return new FileViews(true);
  }

  /** Nothing shared: every tree builds its own views. */
  public static FileViews none() {
    return new FileViews(false);
  }

  /** The view called {@code name} of {@code document} (compared by identity), built by {@code make} when new. */
  @SuppressWarnings("unchecked")
  <T> T get(String name, Object document, Supplier<T> make) {
    if (!enabled || document == null) return make.get();
    Cached c = byName.get(name);
    if (c != null && c.document() == document) return (T) c.view();
    T view = make.get();
    byName.put(name, new Cached(document, view));
    return view;
  }
}
