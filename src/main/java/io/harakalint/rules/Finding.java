package io.harakalint.rules;

import io.harakalint.model.Fix;
import io.harakalint.model.Waiver;
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
public record Finding(RuleMeta rule, Severity severity, Span span, String message, String anchor, Waiver waiver,
    Status status, Fix fix) {

  /** Whether the finding counts. */
  public enum Status {
    /** Counts toward the exit code. */
    OPEN,
    /** Accepted by a valid waiver that has not expired: reported, but does not fail the run. */
    WAIVED,
    /** Its waiver ran out: counts again, and says so. */
    WAIVER_EXPIRED
  }

  public Finding(RuleMeta rule, Severity severity, Span span, String message, String anchor) {
    this(rule, severity, span, message, anchor, null, Status.OPEN, null);
  }

  public Finding(RuleMeta rule, Severity severity, Span span, String message, String anchor, Waiver waiver, Status status) {
    this(rule, severity, span, message, anchor, waiver, status, null);
  }

  public String ruleId() {
    return rule.id();
  }

  public boolean counts() {
    return status != Status.WAIVED;
  }

  public Finding withSeverity(Severity s) {
    return new Finding(rule, s, span, message, anchor, waiver, status, fix);
  }

  public Finding withWaiver(Waiver w, Status s) {
    return new Finding(rule, severity, span, message, anchor, w, s, fix);
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
