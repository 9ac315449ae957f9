package io.harakalint.logs;

/**
 * One thing the operator should do (or look at) because of what the logs show.
 *
 * @param kind a stable key: {@code remove-exception}, {@code unused-acl-entry}, {@code expiring-in-use},
 *     {@code expired-in-use}, {@code legacy-client-candidate}, {@code auth-brute-force},
 *     {@code auth-clear-text}, {@code relay-probing}
 * @param level {@code act} (exit code 1) or {@code review}
 * @param subject the client address or ACL entry it is about
 * @param text one paragraph: what the logs show and what to do
 * @param where the config line it is about ({@code config/relay_acl_allow:2}) or, for a client
 *     without config, the last log line of its activity ({@code haraka.log:1234})
 * @param owner the waiver's owner to tell, or null
 */
public record Decision(String kind, String level, String subject, String text, String where, String owner) {
  public static final String ACT = "act";
  public static final String REVIEW = "review";

  public boolean acts() {
    return level.equals(ACT);
  }
}
