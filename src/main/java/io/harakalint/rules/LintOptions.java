package io.harakalint.rules;

/**
 * Thresholds rules read. Defaults follow the guidance; the policy file will set them.
 *
 * @param aclMinPrefixV4 shorter IPv4 prefixes in relay_acl_allow are "too broad"
 * @param aclMinPrefixV6 shorter IPv6 prefixes are "too broad"
 */
public record LintOptions(int aclMinPrefixV4, int aclMinPrefixV6) {
  public static final LintOptions DEFAULTS = new LintOptions(24, 48);
}
