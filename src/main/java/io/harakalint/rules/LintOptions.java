package io.harakalint.rules;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Thresholds and the date rules read. Defaults follow the issues' guidance; the policy file and
 * {@code --today} set them.
 *
 * @param aclMinPrefixV4 shorter IPv4 prefixes in relay_acl_allow (and haproxy hosts) are "too broad"
 * @param aclMinPrefixV6 shorter IPv6 prefixes are "too broad"
 * @param certExpiryDays a certificate that expires within this many days is reported
 * @param fixedToday the date to judge expiry against, or null for today (UTC)
 */
public record LintOptions(int aclMinPrefixV4, int aclMinPrefixV6, int certExpiryDays, LocalDate fixedToday,
    java.util.List<String> requiredClients, String nodeVersion) {
  public static final LintOptions DEFAULTS = new LintOptions(24, 48, 30, null, java.util.List.of(), "20");

  public LintOptions(int aclMinPrefixV4, int aclMinPrefixV6, int certExpiryDays, LocalDate fixedToday) {
    this(aclMinPrefixV4, aclMinPrefixV6, certExpiryDays, fixedToday, java.util.List.of(), "20");
  }

  /** Clients (profile ids) the operator promises to support, and the Node version to judge them on. */
  public LintOptions withClients(java.util.List<String> clients, String node) {
    return new LintOptions(aclMinPrefixV4, aclMinPrefixV6, certExpiryDays, fixedToday, java.util.List.copyOf(clients), node);
  }

  /** The date expiry is judged against; computed on demand (java.time is costly at start-up). */
  public LocalDate today() {
    return fixedToday != null ? fixedToday : LocalDate.now(ZoneOffset.UTC);
  }

  public LintOptions withToday(LocalDate day) {
    return new LintOptions(aclMinPrefixV4, aclMinPrefixV6, certExpiryDays, day, requiredClients, nodeVersion);
  }
}
