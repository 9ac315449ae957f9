package io.harakalint.model;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.List;

/**
 * What Haraka calls a private client ({@code connection.remote.is_private}, from haraka-net-utils
 * {@code lib/ip.js}): loopback, link-local, RFC 1918, the RFC 5737 TEST-NETs, {@code ::1},
 * {@code fe80::/10} and {@code fc00::/7}. auth/flat_file offers AUTH without TLS to these.
 * 100.64/10 (CGNAT) is not private.
 */
public final class PrivateAddresses {
  private static volatile List<IPAddress> ranges;

  private PrivateAddresses() {}

  /** True when every address of {@code text} (an IP or CIDR) is private; false when it is not an IP. */
  public static boolean isPrivate(String text) {
    IPAddress a = new IPAddressString(text).getAddress();
    if (a == null) return false;
    IPAddress block = a.isPrefixed() ? a.toPrefixBlock() : a;
    if (block.isIPv6() && block.isIPv4Convertible() && block.toIPv6().isIPv4Mapped()) block = block.toIPv4();
    for (IPAddress r : ranges()) if (r.getIPVersion() == block.getIPVersion() && r.contains(block)) return true;
    return false;
  }

  private static List<IPAddress> ranges() {
    List<IPAddress> r = ranges;
    if (r == null) {
      r = java.util.stream.Stream.of("127.0.0.0/8", "0.0.0.0/32", "169.254.0.0/16", "10.0.0.0/8", "172.16.0.0/12",
              "192.168.0.0/16", "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "::/128", "::1/128", "fe80::/10",
              "fc00::/7")
          .map(s -> new IPAddressString(s).getAddress().toPrefixBlock()).toList();
      ranges = r;
    }
    return r;
  }
}
