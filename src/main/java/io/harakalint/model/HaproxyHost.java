package io.harakalint.model;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One peer trusted to send a PROXY header, and what Haraka makes of it. Haraka &gt;= 3.1 reads
 * {@code connection.ini [haproxy] hosts[]} ({@code connection.js} module top in 3.1.x,
 * haraka-net-utils {@code is_haproxy_allowed} from 3.3.1); 2.8 to 3.0 read the list file
 * {@code config/haproxy_hosts} ({@code connection.js loadHAProxyHosts}). Every version does the same:
 * <pre>
 *   net.isIPv6(ip.split('/')[0]) ? [IPv6.parse(addr), parseInt(mask || 64)] : [IPv4.parse(addr), parseInt(mask || 32)]
 * </pre>
 * so a bare IPv6 address is a /64, a mask that is not a number (NaN) or is not positive makes
 * ipaddr.js {@code match} return true for every address, and text that ipaddr.js cannot parse
 * throws, which Haraka does not catch.
 */
public record HaproxyHost(Located<String> raw, Effect effect) {

  /** What the entry does. */
  public sealed interface Effect {
    /** Peers inside {@code block} are trusted; {@code bareIpv6} when the /64 came from a missing mask. */
    record Block(IPAddress block, boolean bareIpv6) implements Effect {}

    /** Every peer of the entry's family is trusted: the mask is NaN ({@code mask} is the text) or &lt;= 0. */
    record Everything(String mask, boolean notANumber) implements Effect {}

    /** ipaddr.js throws on it (or {@code ip.split} does not exist): Haraka exits. */
    record Throws(String why) implements Effect {}

    /** A form ipaddr.js reads its own way (octal, hex, fewer than four parts): not judged. */
    record Unusual() implements Effect {}
  }

  // ipaddr.js 2.x IPv4 parser: one to four parts, each decimal (leading 0 = octal) or 0x hex.
  private static final Pattern LOOSE_IPV4 =
      Pattern.compile("^(0?\\d+|0x[a-f0-9]+)(\\.(0?\\d+|0x[a-f0-9]+)){0,3}$", Pattern.CASE_INSENSITIVE);

  /** Where the trusted peers come from for a Haraka version, and the entries read from there. */
  public record Source(String path, boolean connectionIni, List<HaproxyHost> hosts, Optional<IniProperty> scalar) {}

  /**
   * The entries the tree's Haraka version reads: {@code connection.ini [haproxy] hosts[]} from 3.1.0,
   * the {@code haproxy_hosts} list before. {@code scalar} is a {@code hosts=} written without
   * {@code []} (3.1+), which Haraka iterates character by character.
   */
  public static Source fromTree(ConfigTree tree) {
    List<HaproxyHost> out = new ArrayList<>();
    if (tree.harakaVersion().below(3, 1, 0)) {
      for (Located<String> item : tree.flat("haproxy_hosts").map(FlatDocument::items).orElse(List.of())) {
        out.add(new HaproxyHost(item, effectOf(item.value())));
      }
      return new Source(tree.pathOf("haproxy_hosts"), false, List.copyOf(out), Optional.empty());
    }
    IniFile ini = tree.ini("connection.ini");
    Optional<IniProperty> hosts = ini.get("haproxy", "hosts");
    Optional<IniProperty> scalar = Optional.empty();
    if (hosts.isPresent() && hosts.get().value() instanceof IniValue.Arr arr) {
      for (IniValue.Element e : arr.items()) {
        // Haraka skips falsy entries ("hosts[] =" pushes ""): `if (!ip) continue`.
        if (!e.value().isTruthy()) continue;
        Located<String> item = new Located<>(e.value().toString(), e.entry().valueSpan());
        Effect effect = e.value() instanceof IniValue.Str ? effectOf(item.value())
            : new Effect.Throws("it is typed as " + (e.value() instanceof IniValue.Num ? "a number" : "a boolean")
                + ", and ip.split is not a function");
        out.add(new HaproxyHost(item, effect));
      }
    } else if (hosts.isPresent() && hosts.get().value().isTruthy()) {
      scalar = hosts;
    }
    return new Source(ini.path(), true, List.copyOf(out), scalar);
  }

  /** What Haraka's parsing does with one entry's text. */
  public static Effect effectOf(String text) {
    String[] parts = text.split("/", -1);
    String addr = parts[0];
    String mask = parts.length > 1 ? parts[1] : null;
    IPAddress ip = AclEntry.nodeIp(addr);
    boolean v6 = ip != null && ip.isIPv6();
    if (!v6) {
      if (ip == null) {
        if (LOOSE_IPV4.matcher(addr).matches()) return new Effect.Unusual();
        return new Effect.Throws("it is not an IPv4 or IPv6 address, so ipaddr.js throws");
      }
    }
    boolean noMask = mask == null || mask.isEmpty();
    if (noMask) {
      int bits = v6 ? 64 : 32;
      return new Effect.Block(ip.setPrefixLength(bits, false).toPrefixBlock(), v6);
    }
    Integer bits = AclEntry.jsParseInt(mask);
    if (bits == null) return new Effect.Everything(mask, true);
    if (bits <= 0) return new Effect.Everything(mask, false);
    int b = Math.min(bits, ip.getBitCount());
    return new Effect.Block(ip.setPrefixLength(b, false).toPrefixBlock(), false);
  }
}
