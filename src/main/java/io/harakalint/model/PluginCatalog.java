package io.harakalint.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What Haraka knows about plugin names ({@code plugin-catalog.tsv}): core plugins, npm plugins,
 * deprecated aliases, removed names and do-nothing shims, with the versions and sources.
 */
public final class PluginCatalog {
  private static final java.util.regex.Pattern DROPPED = java.util.regex.Pattern.compile("dropped (\\d+\\.\\d+\\.\\d+)");

  public enum Status { CORE, NPM, ALIAS, REMOVED, SHIM }

  /** One catalogue line. {@code target} is the plugin an alias loads, or the replacement. */
  public record Entry(String name, Status status, String target, String npmPackage, String versions, Set<String> roles) {
    private static final java.util.regex.Pattern ALIAS_SINCE = java.util.regex.Pattern.compile("alias since (\\d+\\.\\d+(?:\\.\\d+)?)");

    public boolean hasRole(String role) {
      return roles.contains(role);
    }

    /** For an alias: whether the Haraka version maps this name to {@link #target()} (the table grew over time). */
    public boolean isAliasIn(HarakaVersion haraka) {
      if (status != Status.ALIAS || target == null) return false;
      java.util.regex.Matcher m = ALIAS_SINCE.matcher(versions);
      return !m.find() || haraka.compareTo(HarakaVersion.parse(m.group(1))) >= 0;
    }

    /**
     * The Haraka version from which npm no longer installs this plugin with Haraka (it was dropped
     * from Haraka's optional dependencies), so the operator must install it.
     */
    // Compiled once: rules ask for every plugin of every tree (history: every commit).
    private static final java.util.regex.Pattern DROPPED = java.util.regex.Pattern.compile("dropped (\\d+\\.\\d+\\.\\d+)");

    public java.util.Optional<HarakaVersion> droppedFromHarakaDeps() {
      java.util.regex.Matcher m = DROPPED.matcher(versions);
      return m.find() ? java.util.Optional.of(HarakaVersion.parse(m.group(1))) : java.util.Optional.empty();
    }

    /** The version history without the trailing "[2.8.28: …]" marker. */
    public String history() {
      int at = versions.lastIndexOf(" [");
      return at > 0 ? versions.substring(0, at) : versions;
    }
  }

  private static volatile Map<String, Entry> table;

  private PluginCatalog() {}

  public static Optional<Entry> lookup(String name) {
    return Optional.ofNullable(table().get(name));
  }

  public static Map<String, Entry> all() {
    return table();
  }

  private static Map<String, Entry> table() {
    Map<String, Entry> t = table;
    if (t == null) table = t = load();
    return t;
  }

  private static Map<String, Entry> load() {
    Map<String, Entry> out = new LinkedHashMap<>();
    try (InputStream in = PluginCatalog.class.getResourceAsStream("plugin-catalog.tsv")) {
      if (in == null) return out;
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] c = line.split("\t", -1);
        if (c.length < 6 || c[0].equals("name")) continue;
        Status status;
        try {
          status = Status.valueOf(c[1].trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
          continue;
        }
        Set<String> roles = Arrays.stream(c[5].split(",")).map(String::trim).filter(s -> !s.isEmpty() && !s.equals("-"))
            .collect(Collectors.toUnmodifiableSet());
        out.put(c[0].trim(), new Entry(c[0].trim(), status, dash(c[2]), dash(c[3]), c[4].trim(), roles));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String dash(String s) {
    String t = s.trim();
    return t.equals("-") || t.isEmpty() ? null : t;
  }
}
