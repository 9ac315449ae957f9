package io.harakalint.report;

import io.harakalint.rules.SecretFiles;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the formats that quote config lines must never show: files that hold credentials or keys
 * are not quoted at all (only line numbers), and in other files the value of a key named like a
 * password is masked.
 */
final class SecretText {
  /** {@code auth_pass=..}, {@code password: ..}, {@code bindpw=..}, {@code secret=..}, {@code api_key=..}. */
  private static final Pattern SECRET_KEY = Pattern.compile(
      "^(\\s*[\"']?[\\w.\\[\\]-]*(?:pass|secret|token|api_?key|private_?key|credential|pw)[\\w.\\[\\]-]*[\"']?\\s*[=:]\\s*)(\\S.*)$",
      Pattern.CASE_INSENSITIVE);

  static final String MASK = "\u2022\u2022\u2022\u2022\u2022\u2022 (hidden)";

  private SecretText() {}

  static boolean isSecretFile(String path) {
    return SecretFiles.holdsSecrets(path);
  }

  /** A file whose text holds a private key (PEM), whatever its name. */
  static boolean looksSecret(List<String> lines) {
    for (String l : lines) if (l.contains("PRIVATE KEY-----")) return true;
    return false;
  }

  /** The line with the value of a password-like key replaced by a mask. */
  static String mask(String line) {
    Matcher m = SECRET_KEY.matcher(line);
    return m.matches() ? m.group(1) + MASK : line;
  }
}
