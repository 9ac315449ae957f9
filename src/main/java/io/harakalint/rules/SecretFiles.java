package io.harakalint.rules;

import java.util.Set;

/** Files whose values may be credentials: messages about them never quote their text. */
public final class SecretFiles {
  private static final Set<String> NAMES = Set.of("auth_flat_file.ini", "smtp_forward.ini", "smtp_proxy.ini",
      "auth_vpopmaild.ini", "auth_ldap.ini", "smtp_bridge.ini", "internalcmd_key", "karma.ini", "redis.ini");

  /**
   * Key names that hold credentials in any file (ldap.ini bindpw, a plugin's api_key): their values
   * are never quoted either. Over-matching only hides a harmless value.
   */
  private static final class SecretKey {
    // compiled on first use: a clean tree's check never needs it
    static final java.util.regex.Pattern PATTERN = java.util.regex.Pattern.compile(
        "(?i).*(?:pass|secret|token|api_?key|private_?key|credential|pw).*");
  }

  private SecretFiles() {}

  /**
   * A config line safe to show: in a file of credentials every key=value line, elsewhere a line
   * whose key names a credential, keeps its key and loses its value.
   */
  public static String masked(String path, String line) {
    int eq = line.indexOf('=');
    if (eq < 0) {
      // a bare line in a secrets file (internalcmd_key, a PEM body) is all value
      return holdsSecrets(path) && !line.isBlank() && !line.trim().startsWith(";") && !line.trim().startsWith("#")
          && !line.trim().startsWith("[") ? HIDDEN : line;
    }
    if (!holdsSecrets(path) && !isSecretKey(line)) return line;
    return line.substring(0, eq + 1) + HIDDEN;
  }

  /** What stands in for a value that is not shown. */
  public static final String HIDDEN = "\u2022\u2022\u2022\u2022\u2022\u2022 (hidden)";

  /** Whether a key (or the start of a line, up to '=' or ':') names a credential. */
  public static boolean isSecretKey(String keyOrLine) {
    String key = keyOrLine;
    int end = key.length();
    for (char c : new char[] {'=', ':'}) if (key.indexOf(c) >= 0) end = Math.min(end, key.indexOf(c));
    return SecretKey.PATTERN.matcher(key.substring(0, end)).matches();
  }

  public static boolean holdsSecrets(String path) {
    String base = path.substring(path.lastIndexOf('/') + 1);
    return NAMES.contains(base) || base.endsWith(".pem") || base.endsWith(".key") || path.contains("/dkim/");
  }
}
