package io.harakalint.rules.plugins;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.HarakaVersion;
import io.harakalint.model.InstallFacts;
import io.harakalint.model.PluginCatalog;
import io.harakalint.model.PluginList;
import io.harakalint.model.RelayConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the plugin catalogue's history column and the plugins' own code say about a line of
 * config/plugins: when a name is a do-nothing shim, whether npm installs it with Haraka, whether
 * it can accept a recipient or queue an inbound message.
 */
final class PluginFacts {
  private PluginFacts() {}

  /** An inclusive range of Haraka versions; {@code to == null} means "and later". */
  record Range(HarakaVersion from, HarakaVersion to) {
    boolean contains(HarakaVersion v) {
      return v.compareTo(from) >= 0 && (to == null || v.compareTo(to) <= 0);
    }
  }

  private static final String V = "(\\d+\\.\\d+\\.\\d+)";
  private static final Pattern SHIM = Pattern.compile("shim " + V + "-" + V);
  private static final Pattern WITH_HARAKA = Pattern.compile("(?:optional dep|dependency) " + V + "-" + V);
  private static final Pattern HARD_DEP = Pattern.compile("hard dependency of Haraka since " + V);
  private static final Pattern NPM_SINCE = Pattern.compile("npm (?:only )?since " + V);

  /** The versions in which the name is a file that only logs "This plugin has moved". */
  static Optional<Range> shim(PluginCatalog.Entry e) {
    Matcher m = SHIM.matcher(e.versions());
    return m.find() ? Optional.of(range(m.group(1), m.group(2))) : Optional.empty();
  }

  // The catalogue is fixed, so what each entry's version history says is worked out once, not for every tree.
  private static final java.util.Map<String, List<Range>> WITH_HARAKA_BY_VERSIONS =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.Map<String, Optional<HarakaVersion>> NPM_SINCE_BY_VERSIONS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The versions whose plain {@code npm install} of Haraka also installs this package. */
  static List<Range> installedWithHaraka(PluginCatalog.Entry e) {
    return WITH_HARAKA_BY_VERSIONS.computeIfAbsent(e.versions(), PluginFacts::parseInstalledWithHaraka);
  }

  private static List<Range> parseInstalledWithHaraka(String versions) {
    List<Range> out = new ArrayList<>();
    Matcher m = WITH_HARAKA.matcher(versions);
    while (m.find()) out.add(range(m.group(1), m.group(2)));
    Matcher h = HARD_DEP.matcher(versions);
    if (h.find()) out.add(new Range(HarakaVersion.parse(h.group(1)), null));
    return List.copyOf(out);
  }

  /** From which version the plugin is no longer in Haraka's own plugins/ folder. */
  static Optional<HarakaVersion> npmSince(PluginCatalog.Entry e) {
    return NPM_SINCE_BY_VERSIONS.computeIfAbsent(e.versions(), versions -> {
      Matcher m = NPM_SINCE.matcher(versions);
      return m.find() ? Optional.of(HarakaVersion.parse(m.group(1))) : Optional.empty();
    });
  }

  // The catalogue stops at the newest release it knows; an upper bound there means "still so".
  private static Range range(String from, String to) {
    HarakaVersion t = HarakaVersion.parse(to);
    return new Range(HarakaVersion.parse(from), t.compareTo(HarakaVersion.NEWEST_KNOWN) >= 0 ? null : t);
  }

  /**
   * Whether a package is in the root: with Haraka installed in node_modules, only what npm really
   * put there counts; otherwise package.json and the lock file say what an install would give.
   */
  static boolean inRoot(InstallFacts install, String npmName) {
    return install.hasInstalledHaraka() ? install.nodeModules().contains(npmName) : install.hasPackage(npmName);
  }

  /** The catalogue entry of the plugin that actually runs (an alias's target), if known. */
  static Optional<PluginCatalog.Entry> running(PluginList.Plugin p) {
    return PluginCatalog.lookup(p.loads()).or(p::catalog);
  }

  /** A plugin haraka-lint knows nothing about (local, or an npm package not in the catalogue). */
  static boolean unknown(PluginList.Plugin p) {
    return running(p).isEmpty();
  }

  enum Verdict { YES, NO, UNKNOWN }

  private static final Set<String> ACCEPTING = Set.of("rcpt_to.in_host_list", "qmail-deliverable", "recipient-routes",
      "rcpt_to.qmail_deliverable", "rcpt_to.routes", "relay_all");

  /**
   * Whether the plugin can answer OK to RCPT TO for a client that does not relay: without one, core
   * answers 550 "I cannot deliver mail for" (connection.js rcpt_respond).
   */
  static Verdict acceptsRecipients(ConfigTree tree, PluginList.Plugin p) {
    String name = p.loads();
    if (ACCEPTING.contains(name)) return Verdict.YES;
    switch (name) {
      case "relay": {
        RelayConfig relay = tree.relay();
        if (relay.all().value()) return Verdict.YES;
        boolean opens = relay.destDomains().value() && relay.destDomainEntries().stream()
            .anyMatch(d -> d.action().filter(a -> a.equals("accept") || a.equals("continue")).isPresent());
        return opens ? Verdict.YES : Verdict.NO;
      }
      case "access":
        return tree.ini("access.ini").truthy("rcpt", "accept").value() ? Verdict.YES : Verdict.NO;
      case "queue/smtp_forward": {
        var ini = tree.ini("smtp_forward.ini");
        boolean domains = ini.sectionNames().stream().anyMatch(s -> !s.equals("main") && !s.equals("tls"));
        return ini.truthy("main", "check_recipient").value() && domains ? Verdict.YES : Verdict.NO;
      }
      default:
        return unknown(p) ? Verdict.UNKNOWN : Verdict.NO;
    }
  }

  // queue/deliver hooks only queue_outbound; queue/quarantine answers CONT unless a plugin asked for quarantine.
  private static final Set<String> NOT_INBOUND_QUEUE = Set.of("queue/deliver", "queue/quarantine");

  /** Whether the plugin delivers inbound (non-relayed) mail on the queue hook. */
  static Verdict queuesInbound(PluginList.Plugin p) {
    if (unknown(p)) return Verdict.UNKNOWN;
    if (NOT_INBOUND_QUEUE.contains(p.loads())) return Verdict.NO;
    return running(p).map(e -> e.hasRole("queue")).orElse(false) ? Verdict.YES : Verdict.NO;
  }

  /** Plugins that offer AUTH (and use the unrecognized_command hook for it). */
  static boolean offersAuth(PluginList.Plugin p) {
    return p.loads().startsWith("auth/") || running(p).map(e -> e.hasRole("auth")).orElse(false);
  }
}
