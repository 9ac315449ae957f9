package io.harakalint.rules;

import io.harakalint.text.Span;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One problem at one place.
 *
 * @param message one specific sentence about this occurrence; never contains a secret
 * @param anchor what the finding is about, independent of line numbers (section/key/entry); the
 *     fingerprint is built from it so it survives edits elsewhere in the file
 */
public record Finding(RuleMeta rule, Severity severity, Span span, String message, String anchor) {
  public String ruleId() {
    return rule.id();
  }

  /**
   * A stable id: rule, file and anchor, never the line number. Computed on demand, because loading
   * the JDK's digest providers costs a pre-commit hook's text output time it does not need.
   */
  public String fingerprint() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] d = md.digest((rule.id() + "\u0000" + span.file() + "\u0000" + anchor).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }
}
