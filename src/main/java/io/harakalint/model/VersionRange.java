package io.harakalint.model;

/**
 * The Haraka versions a rule is about, written as text in its metadata: {@code all},
 * {@code >= 3.1.0}, {@code < 3.1.7}, or both bounds {@code >= 3.0.0, < 3.1.0}. The linter skips a
 * rule whose range does not contain the tree's Haraka version.
 */
public record VersionRange(HarakaVersion from, HarakaVersion below, String text) {
  public static final VersionRange ALL = new VersionRange(null, null, "all");

  public static VersionRange parse(String text) {
    String t = text.trim();
    if (t.equals("all")) return ALL;
    HarakaVersion from = null;
    HarakaVersion below = null;
    for (String part : t.split(",")) {
      String p = part.trim();
      if (p.startsWith(">=")) from = HarakaVersion.parse(p.substring(2).trim());
      else if (p.startsWith("<")) below = HarakaVersion.parse(p.substring(1).trim());
      else throw new IllegalArgumentException("version range parts look like '>= 3.1.0' or '< 3.1.7': " + text);
    }
    return new VersionRange(from, below, t);
  }

  public boolean contains(HarakaVersion v) {
    return (from == null || v.compareTo(from) >= 0) && (below == null || v.compareTo(below) < 0);
  }

  @Override
  public String toString() {
    return text;
  }
}
