package io.harakalint.rules.versions;

import io.harakalint.model.IniFile;
import io.harakalint.model.IniProperty;
import io.harakalint.model.IniValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ports smtp.ini makes Haraka listen on, parsed like {@code server.js get_listen_addrs} and
 * {@code endpoint.js parseSockaddr} (3.1.6): {@code listen} split on commas, each entry a bare port,
 * {@code [v6]:port}, {@code a.b.c.d:port}, {@code host:port}, or an address with the default port 25;
 * plus the legacy {@code listen_host}/{@code port} pair, which is prepended.
 */
final class Listeners {
  private Listeners() {}

  private static final Pattern BARE_PORT = Pattern.compile("^[0-9]+$");
  private static final Pattern V4 = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3}){3})(?::(\\d+))?$");
  private static final Pattern V6_BRACKET = Pattern.compile("^\\[([0-9a-fA-F:]+)\\](?::(\\d+))?$");
  private static final Pattern HOST = Pattern.compile(
      "^([a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*)(?::(\\d+))?$");

  /** The TCP ports of every listener; unix sockets and entries Haraka skips as invalid are left out. */
  static List<Integer> ports(IniFile smtp) {
    List<Integer> out = new ArrayList<>();
    Optional<IniProperty> port = smtp.get("main", "port");
    if (port.isPresent() && port.get().value() instanceof IniValue.Num n && n.value() != 0) out.add((int) n.value());
    Optional<IniProperty> listen = smtp.get("main", "listen");
    if (listen.isEmpty() || !(listen.get().value() instanceof IniValue.Str s)) {
      if (out.isEmpty() && (listen.isEmpty() || !listen.get().value().isTruthy())) out.add(25); // default [::0]:25
      return out;
    }
    for (String entry : s.value().split("\\s*,\\s*")) {
      Integer p = port(entry.trim());
      if (p != null) out.add(p);
    }
    return out;
  }

  static Integer port(String addr) {
    if (addr.isEmpty()) return null;
    if (BARE_PORT.matcher(addr).matches()) return parse(addr);
    int colon = addr.lastIndexOf(':');
    if (colon > 0 && addr.substring(0, colon).contains(":") && addr.substring(colon + 1).matches("\\d+")
        && new inet.ipaddr.IPAddressString(addr.substring(0, colon)).isIPv6()) {
      return parse(addr.substring(colon + 1));
    }
    for (Pattern p : List.of(V4, V6_BRACKET, HOST)) {
      Matcher m = p.matcher(addr);
      // Not a ternary: `cond ? parse(..) : 25` unboxes parse's null (a port past int) into an NPE.
      if (m.matches()) {
        if (m.group(2) == null) return 25;
        return parse(m.group(2));
      }
    }
    if (addr.contains(":") && !addr.contains("/")) return 25; // a bare IPv6 address
    return null; // a unix socket path or an invalid entry
  }

  private static Integer parse(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
