package io.harakalint.logs;

import java.util.List;

/**
 * One {@code relay_acl_allow} entry and its use in the logs.
 *
 * @param entry the entry as written
 * @param where its file and line
 * @param relays sessions the ACL let relay (recipients accepted)
 * @param recipients recipients accepted in those sessions
 * @param first the first such session's disconnect line, or null
 * @param last the last one, or null
 * @param clients the addresses that relayed through it (at most {@link LogDecisions#MAX_LISTED})
 * @param waiver the waiver that accepts this exception, or null
 */
public record AclUse(String entry, String where, int relays, long recipients, LogPosition first, LogPosition last,
    List<String> clients, WaiverRef waiver) {

  /** The waiver an exception is recorded under: who owns it and when it ends. */
  public record WaiverRef(String name, String rule, String owner, String expires, String where) {}
}
