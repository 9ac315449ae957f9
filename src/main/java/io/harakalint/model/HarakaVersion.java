package io.harakalint.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Haraka (or plugin) release number; rules compare against it. */
public record HarakaVersion(int major, int minor, int patch) implements Comparable<HarakaVersion> {
  private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  /** The newest 3.x described in the reference; used when nothing in the tree says otherwise. */
  public static final HarakaVersion NEWEST_KNOWN = new HarakaVersion(3, 3, 4);

  public static HarakaVersion parse(String text) {
    HarakaVersion v = tryParse(text);
    if (v == null) throw new IllegalArgumentException("not a version: " + text);
    return v;
  }

  /** Reads the first x.y[.z] in text (so "^3.1.6" and "~2.8.28" work); null if there is none. */
  public static HarakaVersion tryParse(String text) {
    if (text == null) return null;
    Matcher m = SEMVER.matcher(text);
    if (!m.find()) return null;
    try {
      return new HarakaVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public boolean atLeast(int maj, int min, int pat) {
    return compareTo(new HarakaVersion(maj, min, pat)) >= 0;
  }

  public boolean below(int maj, int min, int pat) {
    return !atLeast(maj, min, pat);
  }

  @Override
  public int compareTo(HarakaVersion o) {
    if (major != o.major) return Integer.compare(major, o.major);
    if (minor != o.minor) return Integer.compare(minor, o.minor);
    return Integer.compare(patch, o.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
