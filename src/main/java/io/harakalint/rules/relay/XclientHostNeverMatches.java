package io.harakalint.rules.relay;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.harakalint.model.FlatDocument;
import io.harakalint.model.Located;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.List;
import java.util.Set;

/** See rules/HL212.md. */
public final class XclientHostNeverMatches implements Rule {
  public static final RuleMeta META = new RuleMeta("HL212", "xclient.hosts entry that never matches",
      Severity.LOW, Category.RELAY, "all", Set.of("relay", "xclient", "proxy"), false,
      "The xclient plugin compares the client address with each line as an exact string: a CIDR range, a host name, an inline comment or an IPv6 address not written the way Node prints it matches no client, so that proxy gets 550 Not authorized.",
      "One address per line, exactly as Haraka logs the client (192.0.2.10, 2001:db8::10): no masks, names or comments.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    if (!ctx.tree().plugins().loads("xclient")) return;
    List<Located<String>> items = ctx.tree().flat("xclient.hosts").map(FlatDocument::items).orElse(List.of());
    for (Located<String> item : items) {
      String why = problem(item.value());
      if (why == null) continue;
      ctx.report(item.span(), "xclient-never:" + item.value(),
          "'" + item.value() + "' " + why + ": xclient compares the client address with each line as an exact string, so no client matches it.");
    }
  }

  /** Why a line can never equal {@code connection.remote.ip}, or null when it can. */
  static String problem(String entry) {
    if (entry.contains("/")) return "is a CIDR range";
    if (entry.matches(".*\\s[#;].*")) return "has an inline comment";
    IPAddressString s = new IPAddressString(entry);
    IPAddress a = s.getAddress();
    boolean plainV4 = entry.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    if (plainV4) return null;
    if (a != null && a.isIPv4() && entry.matches("[0-9.]+")) return "is not written the way Node prints IPv4 addresses (no leading zeros, four parts)";
    if (a == null || !a.isIPv6() || entry.indexOf(':') < 0) return "is not an IP address";
    if (a.isIPv4Convertible() && entry.toLowerCase(java.util.Locale.ROOT).startsWith("::ffff:")) {
      return "is an IPv4-mapped IPv6 address, which Haraka normalises to " + a.toIPv4()
          + " before comparing";
    }
    String canonical = a.toCanonicalString();
    if (!canonical.equals(entry)) return "is not written the way Node prints IPv6 addresses (" + canonical + ")";
    return null;
  }
}
