package io.harakalint.model;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.regex.Pattern;

/**
 * One line of {@code relay_acl_allow} and what each relay plugin version makes of it
 * ({@code haraka-plugin-relay:index.js load_acls, is_acl_allowed}):
 * <ul>
 *   <li>1.0.1 and the core relay of Haraka &lt;= 3.0: no comment stripping; a missing mask becomes
 *       /32; the mask text goes to ipaddr.js as a string, and anything that is not a positive number
 *       ({@code 0}, {@code -1}, {@code abc}, {@code 8 # office}) matches every address.</li>
 *   <li>1.0.2: text after '#' is dropped; invalid addresses are dropped; the mask is
 *       {@code parseInt(mask) || (v6 ? 128 : 32)}, so /0 silently becomes a host route and /-1
 *       matches everything.</li>
 * </ul>
 * Both append "/32" to a bare address of either family: a bare IPv6 address lets a whole /32 relay.
 */
public record AclEntry(Located<String> raw, String addressText, String maskText, IPAddress address,
    Effect legacyEffect, Effect currentEffect) {
  /** A decimal literal as JS Number() reads it (compiled once: this runs for every ACL entry). */
  private static final java.util.regex.Pattern JS_DECIMAL =
      java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");


  /** What a relay plugin version does with the entry. */
  public sealed interface Effect {
    /** Dropped (1.0.2) or never matching (1.0.1): nobody relays through it. */
    record Ignored(String why) implements Effect {}

    /** Clients inside {@code block} relay. */
    record Allows(IPAddress block) implements Effect {}

    /** Every client of every family... of the entry's family relays: an open relay. */
    record Everything(String why) implements Effect {}
  }

  // Node's net.isIPv4: four decimal octets without leading zeros.
  private static final Pattern NODE_IPV4 =
      Pattern.compile("^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\\z");

  public boolean isIpv6() {
    return address != null && address.isIPv6();
  }

  public boolean hasInlineComment() {
    return raw.value().contains("#") || raw.value().contains(";");
  }

  /**
   * Parses by text, shared across trees: a hosting provider's trees repeat the same few entries, and
   * an entry's meaning depends on its text alone (its position is attached per tree). Bounded: once
   * full, new texts are parsed without being kept.
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, AclEntry> BY_TEXT = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int MAX_SHARED = 4096;

  public static AclEntry parse(Located<String> raw) {
    AclEntry known = BY_TEXT.get(raw.value());
    if (known == null) {
      known = parseText(raw);
      if (BY_TEXT.size() < MAX_SHARED) BY_TEXT.putIfAbsent(raw.value(), known);
    }
    return known.raw() == raw ? known : new AclEntry(raw, known.addressText(), known.maskText(), known.address(),
        known.legacyEffect(), known.currentEffect());
  }

  private static AclEntry parseText(Located<String> raw) {
    String text = raw.value();
    // 1.0.1: the whole item.
    String[] legacyParts = text.split("/", -1);
    IPAddress legacyAddr = nodeIp(legacyParts[0]);
    String legacyMask = legacyParts.length > 1 ? legacyParts[1] : null;
    Effect legacy = legacyEffect(legacyAddr, legacyParts[0], legacyMask);

    // 1.0.2: comment stripped first.
    String stripped = text.split("#", -1)[0].trim();
    String[] parts = stripped.split("/", -1);
    // Nearly always the same text as 1.0.1's: parsed once (this runs for every entry of every tree).
    IPAddress addr = stripped.isEmpty() ? null : parts[0].equals(legacyParts[0]) ? legacyAddr : nodeIp(parts[0]);
    String mask = parts.length > 1 ? parts[1] : null;
    Effect current = currentEffect(addr, parts[0], mask, stripped.isEmpty());

    return new AclEntry(raw, parts[0], mask, addr != null ? addr : legacyAddr, legacy, current);
  }

  private static Effect legacyEffect(IPAddress addr, String addrText, String mask) {
    if (addr == null) return new Effect.Ignored("'" + addrText + "' is not an IP address (logged and skipped)");
    if (mask == null || mask.isEmpty()) return allows(addr, 32, addr.isIPv6());
    Double bits = jsNumber(mask);
    if (bits == null || bits <= 0) {
      return new Effect.Everything("relay <= 1.0.1 passes the mask '" + mask + "' to ipaddr.js as text; "
          + "it is not a positive number, so the match loop never runs and every address matches");
    }
    return allows(addr, (int) Math.min(bits, addr.getBitCount()), false);
  }

  private static Effect currentEffect(IPAddress addr, String addrText, String mask, boolean empty) {
    if (empty) return new Effect.Ignored("nothing before the '#' comment");
    if (addr == null) return new Effect.Ignored("'" + addrText + "' is not an IP address (logged and removed)");
    Integer bits = jsParseInt(mask);
    if (bits == null || bits == 0) return allows(addr, addr.isIPv6() && mask != null ? 128 : 32, addr.isIPv6() && mask == null);
    if (bits < 0) return new Effect.Everything("relay 1.0.2 reads the mask as " + bits + "; a negative mask matches every address");
    if (bits > addr.getBitCount()) return new Effect.Ignored("mask /" + bits + " is longer than the address");
    return allows(addr, bits, false);
  }

  private static Effect allows(IPAddress addr, int bits, boolean bareV6) {
    int b = Math.min(bits, addr.getBitCount());
    return new Effect.Allows(addr.setPrefixLength(b, false).toPrefixBlock());
  }

  /** Node's net.isIP: strict IPv4, or IPv6 (with an optional zone). Null when it is not an IP. */
  static IPAddress nodeIp(String text) {
    if (text == null || text.isEmpty()) return null;
    if (NODE_IPV4.matcher(text).matches()) return new IPAddressString(text).getAddress();
    if (text.indexOf(':') >= 0 && text.indexOf('/') < 0 && !text.contains(" ")) {
      IPAddress a = new IPAddressString(text).getAddress();
      if (a != null && a.isIPv6()) return a.withoutPrefixLength();
    }
    return null;
  }

  /** JS Number(text) for the 1.0.1 comparison {@code bits > 0}: null for NaN. */
  static Double jsNumber(String text) {
    String t = io.harakalint.text.JsPatterns.trim(text);
    if (t.isEmpty()) return 0.0;
    try {
      if (!JS_DECIMAL.matcher(t).matches()) return null;
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** JS parseInt(text, 10): leading white space, a sign, then digits; null for NaN. */
  static Integer jsParseInt(String text) {
    if (text == null) return null;
    String t = io.harakalint.text.JsPatterns.trim(text);
    int i = 0;
    boolean neg = false;
    if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) neg = t.charAt(i++) == '-';
    long v = 0;
    int start = i;
    while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9' && v < Integer.MAX_VALUE) v = v * 10 + (t.charAt(i++) - '0');
    if (i == start) return null;
    return (int) (neg ? -Math.min(v, Integer.MAX_VALUE) : Math.min(v, Integer.MAX_VALUE));
  }
}
