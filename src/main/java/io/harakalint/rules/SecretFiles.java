package io.harakalint.rules;

import java.util.Set;

/** Files whose values may be credentials: messages about them never quote their text. */
public final class SecretFiles {
  private static final Set<String> NAMES = Set.of("auth_flat_file.ini", "smtp_forward.ini", "smtp_proxy.ini",
      "auth_vpopmaild.ini", "auth_ldap.ini", "smtp_bridge.ini", "internalcmd_key", "karma.ini", "redis.ini");

  private SecretFiles() {}

  public static boolean holdsSecrets(String path) {
    String base = path.substring(path.lastIndexOf('/') + 1);
    return NAMES.contains(base) || base.endsWith(".pem") || base.endsWith(".key") || path.contains("/dkim/");
  }
}
