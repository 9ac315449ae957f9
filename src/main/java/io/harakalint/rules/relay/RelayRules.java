package io.harakalint.rules.relay;

import io.harakalint.rules.Rule;
import java.util.List;

/** The relay rules, listed by hand in id order. */
public final class RelayRules {
  public static final List<Rule> ALL = List.of(
      new RelayAllEnabled(),
      new AclTooBroad(),
      new AclBareIpv6(),
      new AclMalformed(),
      new AclUnused(),
      new DestDomainsOpenRelay(),
      new HaproxyHostTooBroad(),
      new HaproxyHostBareIpv6(),
      new HaproxyHostBadMask(),
      new HaproxyHostsScalar(),
      new HaproxyHostUnparseable(),
      new XclientHostNeverMatches(),
      new XclientTrustsPeers());

  private RelayRules() {}
}
