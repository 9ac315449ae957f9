package io.harakalint.tls;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Node release line as it matters to TLS: the bundled OpenSSL line and the default security level
 * (tls-clients.md §2.1, §4.1). {@code opensslLine}: {@code 3.0} (18.x, 20.x, 22.0-22.19, 24.0-24.4),
 * {@code 3.5p1} (22.20+: OpenSSL 3.5, level pinned to 1 by Node), {@code 3.5} (24.5+: level 2).
 * A bare major means the newest release of that line.
 */
public record NodeRuntime(String label, int major, int minor, String opensslLine, int defaultSecLevel) {
  public static final String DEFAULT_CIPHERS = "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:"
      + "TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:"
      + "ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:"
      + "ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:"
      + "!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA";

  private static final Pattern VERSION = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.\\d+)?");

  /** {@code 20}, {@code 22.20}, {@code v24.4.1}; empty for anything else or a line Haraka does not run on. */
  public static Optional<NodeRuntime> parse(String text) {
    Matcher m = VERSION.matcher(text.strip());
    if (!m.matches()) return Optional.empty();
    int major = Integer.parseInt(m.group(1));
    boolean bare = m.group(2) == null;
    int minor = bare ? Integer.MAX_VALUE : Integer.parseInt(m.group(2));
    String line;
    int level = 1;
    switch (major) {
      case 18, 20 -> line = "3.0";
      case 22 -> line = minor >= 20 ? "3.5p1" : "3.0";
      case 24 -> {
        line = minor >= 5 ? "3.5" : "3.0";
        level = minor >= 5 ? 2 : 1;
      }
      default -> {
        return Optional.empty();
      }
    }
    String label = text.strip().replaceFirst("^v", "");
    return Optional.of(new NodeRuntime(label, major, bare ? -1 : minor, line, level));
  }

  /** {@code 22.x (newest)} for a bare major, else the version as given. */
  public String describe() {
    return minor < 0 ? major + ".x (newest)" : label;
  }

  public boolean openssl30() {
    return opensslLine.equals("3.0");
  }
}
