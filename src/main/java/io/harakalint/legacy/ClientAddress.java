package io.harakalint.legacy;

import io.harakalint.load.UserError;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The client named with {@code --ip ADDR[/LEN]}: an IP literal (never looked up in DNS) and a prefix,
 * /32 or /128 when none is given. Host bits below the prefix are refused rather than silently masked.
 */
public record ClientAddress(byte[] address, int prefix) {
  /** The broadest ranges accepted without {@code --force}. */
  public static final int MIN_PREFIX_V4 = 29;
  public static final int MIN_PREFIX_V6 = 125;

  public static ClientAddress parse(String text) {
    String t = text == null ? "" : text.trim();
    String addr = t;
    Integer len = null;
    int slash = t.indexOf('/');
    if (slash >= 0) {
      addr = t.substring(0, slash);
      String l = t.substring(slash + 1);
      if (!l.matches("\\d{1,3}")) throw new UserError("--ip: '" + text + "' has no valid prefix length after /");
      len = Integer.parseInt(l);
    }
    boolean v4 = addr.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = addr.contains(":") && addr.matches("[0-9A-Fa-f:.]+");
    if (!v4 && !v6) throw new UserError("--ip: '" + text + "' is not an IPv4 or IPv6 address");
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(addr).getAddress(); // a literal: no DNS look-up
    } catch (UnknownHostException e) {
      throw new UserError("--ip: '" + text + "' is not an IPv4 or IPv6 address");
    }
    if (v4 && bytes.length != 4 || v6 && bytes.length != 16) {
      throw new UserError("--ip: '" + text + "' is not an IPv4 or IPv6 address");
    }
    int max = bytes.length * 8;
    int prefix = len == null ? max : len;
    if (prefix > max) throw new UserError("--ip: prefix /" + prefix + " is longer than /" + max);
    for (int bit = prefix; bit < max; bit++) {
      if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0) {
        throw new UserError("--ip: '" + text + "' has host bits set below /" + prefix + "; write the network address");
      }
    }
    return new ClientAddress(bytes, prefix);
  }

  public boolean isV4() {
    return address.length == 4;
  }

  public int maxPrefix() {
    return address.length * 8;
  }

  public boolean isSingleHost() {
    return prefix == maxPrefix();
  }

  /** Whether the range is broader than what is accepted without {@code --force}. */
  public boolean tooBroad() {
    return prefix < (isV4() ? MIN_PREFIX_V4 : MIN_PREFIX_V6);
  }

  /** The address alone, IPv6 in RFC 5952 form. */
  public String addressText() {
    if (isV4()) {
      return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) g[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
    int bestAt = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) { i++; continue; }
      int j = i;
      while (j < 8 && g[j] == 0) j++;
      if (j - i > bestLen) { bestAt = i; bestLen = j - i; }
      i = j;
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestAt) {
        s.append("::");
        i += bestLen - 1;
        continue;
      }
      if (s.length() > 0 && s.charAt(s.length() - 1) != ':') s.append(':');
      s.append(Integer.toHexString(g[i]));
    }
    return s.toString();
  }

  /** The entry for relay_acl_allow: always with an explicit prefix (a bare IPv6 entry would trust a /32). */
  public String cidr() {
    return addressText() + "/" + prefix;
  }

  /** The key for tls.ini [no_tls_hosts]: a bare IPv4 host as Haraka's own examples write it, else a CIDR. */
  public String noTlsHost() {
    return isV4() && isSingleHost() ? addressText() : cidr();
  }

  /** A name usable in a section header: {@code legacy-198.18.7.21}, {@code legacy-2001-db8--5-128}. */
  public String waiverName() {
    String base = isSingleHost() ? addressText() : cidr();
    return "legacy-" + base.replace(':', '-').replace('/', '-');
  }
}
