package io.harakalint.logs;

import java.util.List;

/**
 * One client address: its activity and the decisions about it (first, for a busy operator).
 *
 * @param tlsFailures "unsupported protocol ×3" style entries, most frequent first
 * @param likelyProfiles the compat engine's client profiles that fail the same way on this tls.ini
 * @param tlsChange the smallest tls.ini change that would let the first such profile in, with its cost,
 *     or why none should be made; null when it did not fail TLS
 * @param exception the ACL entry or [no_tls_hosts] entry that covers it, or null
 */
public record IpReport(String ip, boolean isPrivate, IpActivity activity, List<String> tlsFailures,
    List<String> likelyProfiles, String tlsChange, String exception, List<Decision> decisions) {}
