package io.harakalint.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * What Haraka calls a private client ({@code connection.remote.is_private}, from haraka-net-utils
 * {@code lib/ip.js}): loopback, link-local, RFC 1918, the RFC 5737 TEST-NETs, {@code ::1},
 * {@code fe80::/10} and {@code fc00::/7}. auth/flat_file offers AUTH without TLS to these.
 * 100.64/10 (CGNAT) is not private.
 *
 * <p>A fixed membership test over 13 ranges, written with the JDK rather than the IPAddress library
 * on purpose: the library's first parse costs ~45 ms, an eighth of a pre-commit hook's budget, and
 * this check runs on every tree with a {@code [no_tls_hosts]} section. CIDR maths proper (ACL
 * blocks, merging, coverage) stays with the library.
 */
public final class PrivateAddresses {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
  // {first bytes of the network, prefix length}
  private static final int[][] V4 = {{127, 0, 0, 0, 8}, {0, 0, 0, 0, 32}, {169, 254, 0, 0, 16}, {10, 0, 0, 0, 8},
      {172, 16, 0, 0, 12}, {192, 168, 0, 0, 16}, {192, 0, 2, 0, 24}, {198, 51, 100, 0, 24}, {203, 0, 113, 0, 24}};

  private PrivateAddresses() {}

  /** True when every address of {@code text} (an IP or CIDR) is private; false when it is not an IP. */
  public static boolean isPrivate(String text) {
    String addr = text;
    int prefix = -1;
    int slash = text.indexOf('/');
    if (slash >= 0) {
      addr = text.substring(0, slash);
      String mask = text.substring(slash + 1);
      if (!mask.matches("\\d{1,3}")) return false;
      prefix = Integer.parseInt(mask);
    }
    byte[] b = literal(addr);
    if (b == null) return false;
    if (b.length == 16 && isV4Mapped(b)) {
      b = java.util.Arrays.copyOfRange(b, 12, 16);
      if (prefix >= 0) prefix = Math.max(0, prefix - 96);
    }
    int bits = b.length * 8;
    if (prefix < 0) prefix = bits;
    if (prefix > bits) return false;
    if (b.length == 4) {
      for (int[] r : V4) {
        if (inRange(b, prefix, new byte[] {(byte) r[0], (byte) r[1], (byte) r[2], (byte) r[3]}, r[4])) return true;
      }
      return false;
    }
    byte[] zero = new byte[16];
    byte[] one = new byte[16];
    one[15] = 1;
    byte[] fe80 = new byte[16];
    fe80[0] = (byte) 0xfe;
    fe80[1] = (byte) 0x80;
    byte[] fc00 = new byte[16];
    fc00[0] = (byte) 0xfc;
    return inRange(b, prefix, zero, 128) || inRange(b, prefix, one, 128) || inRange(b, prefix, fe80, 10)
        || inRange(b, prefix, fc00, 7);
  }

  /** The block addr/prefix lies inside net/netPrefix. */
  private static boolean inRange(byte[] addr, int prefix, byte[] net, int netPrefix) {
    if (prefix < netPrefix) return false;
    for (int i = 0; i < netPrefix; i++) {
      int bit = 7 - (i % 8);
      if (((addr[i / 8] >> bit) & 1) != ((net[i / 8] >> bit) & 1)) return false;
    }
    return true;
  }

  private static boolean isV4Mapped(byte[] b) {
    for (int i = 0; i < 10; i++) if (b[i] != 0) return false;
    return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
  }

  /** The bytes of an IP literal, or null. Never a DNS query: only dotted quads and hex-colon text reach InetAddress. */
  private static byte[] literal(String s) {
    if (IPV4.matcher(s).matches()) {
      String[] p = s.split("\\.");
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        int v = Integer.parseInt(p[i]);
        if (v > 255) return null;
        b[i] = (byte) v;
      }
      return b;
    }
    if (s.indexOf(':') >= 0 && IPV6.matcher(s).matches()) {
      try {
        return InetAddress.getByName(s).getAddress(); // a colon makes the JDK parse a literal, not resolve
      } catch (UnknownHostException e) {
        return null;
      }
    }
    return null;
  }
}
