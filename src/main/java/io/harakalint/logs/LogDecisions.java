package io.harakalint.logs;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.harakalint.model.AclEntry;
import io.harakalint.model.ConfigTree;
import io.harakalint.model.Located;
import io.harakalint.model.PolicyFile;
import io.harakalint.model.PrivateAddresses;
import io.harakalint.model.RelayConfig;
import io.harakalint.model.Waiver;
import io.harakalint.rules.tls.TlsRequiredClientFails;
import io.harakalint.tls.ClientProfile;
import io.harakalint.tls.ClientProfiles;
import io.harakalint.tls.HandshakePredictor;
import io.harakalint.tls.NodeRuntime;
import io.harakalint.tls.Prediction;
import io.harakalint.tls.ServerTlsConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Joins what the logs show with the config: which {@code relay_acl_allow} entry (and which waiver)
 * let each client relay, exceptions nobody used in the log window, exceptions still in heavy use
 * near their expiry, clients that keep failing TLS without an exception (with the compat engine's
 * likely profiles and the smallest tls.ini change, from HL314), AUTH failures and clear-text AUTH,
 * and refused relay attempts.
 */
public final class LogDecisions {
  /** How many addresses or profiles a line lists before "and N more". */
  public static final int MAX_LISTED = 5;

  /**
   * The config side; {@code tree} is null when no Haraka tree was given (then Haraka's TLS defaults
   * are assumed and nothing is said about ACL entries or waivers).
   */
  public record Context(ConfigTree tree, PolicyFile policy, LocalDate today, NodeRuntime node,
      LogsReport.Thresholds thresholds, int maxListed) {
    public static final int DEFAULT_MAX_LISTED = 1000;
  }

  /** Most urgent first: clients with something to act on, then with something to review, then the busiest. */
  static final Comparator<IpReport> URGENCY = Comparator
      .comparing((IpReport c) -> c.decisions().stream().noneMatch(Decision::acts))
      .thenComparing(c -> c.decisions().isEmpty())
      .thenComparing(c -> -(long) c.activity().sessions())
      .thenComparing(IpReport::ip);

  private record AclRule(AclEntry entry, IPAddress block, boolean everything) {
    boolean matches(IPAddress a) {
      if (a == null) return false;
      if (everything) return entry.address() != null && entry.address().isIPv4() == a.isIPv4();
      return block != null && block.isIPv4() == a.isIPv4() && block.contains(a);
    }
  }

  private final LogSummary summary;
  private final Context ctx;
  private final List<AclRule> acl = new ArrayList<>();
  private final List<Located<String>> noTlsHosts = new ArrayList<>();
  private final HandshakePredictor predictor;
  private final ServerTlsConfig serverTls;
  private List<Prediction> predictions;
  /** Per OpenSSL text: the likely profiles and the change (the same for every address that failed that way). */
  private final Map<String, List<ClientProfile>> likelyByRoutine = new HashMap<>();
  private final Map<String, String> changeByRoutine = new HashMap<>();
  private final Map<String, Integer> sourceOrder = new HashMap<>();

  private LogDecisions(LogSummary summary, Context ctx) {
    this.summary = summary;
    this.ctx = ctx;
    this.serverTls = ctx.tree() == null ? ServerTlsConfig.harakaDefaults() : ServerTlsConfig.fromTree(ctx.tree());
    this.predictor = new HandshakePredictor(ctx.node(), serverTls);
    for (int i = 0; i < summary.sources().size(); i++) sourceOrder.putIfAbsent(summary.sources().get(i).name(), i);
    if (ctx.tree() != null) {
      RelayConfig relay = ctx.tree().relay();
      for (AclEntry e : relay.aclEntries()) {
        AclEntry.Effect effect = relay.semantics() == RelayConfig.AclSemantics.LEGACY ? e.legacyEffect() : e.currentEffect();
        if (effect instanceof AclEntry.Effect.Allows a) acl.add(new AclRule(e, a.block(), false));
        else if (effect instanceof AclEntry.Effect.Everything) acl.add(new AclRule(e, null, true));
      }
      noTlsHosts.addAll(ctx.tree().tls().noTlsHosts());
    }
  }

  /** The report for {@code summary} judged against {@code ctx}. */
  public static LogsReport decide(LogSummary summary, Context ctx, String configName) {
    return new LogDecisions(summary, ctx).build(configName);
  }

  private LogsReport build(String configName) {
    List<Decision> decisions = new ArrayList<>();
    Map<AclRule, Acc> uses = new LinkedHashMap<>();
    for (AclRule r : acl) uses.put(r, new Acc());
    // Only the maxListed most urgent clients are kept (with their decisions): a log full of scanners
    // must not hold a paragraph per address. The others are counted by decision kind.
    java.util.PriorityQueue<IpReport> kept = new java.util.PriorityQueue<>(URGENCY.reversed());
    Map<String, Integer> omitted = new java.util.TreeMap<>();
    LogsReport.Thresholds t = ctx.thresholds();
    for (IpActivity a : summary.ips()) {
      IPAddress addr = new IPAddressString(a.ip()).getAddress();
      AclRule rule = acl.stream().filter(r -> r.matches(addr)).findFirst().orElse(null);
      if (rule != null && a.aclRelays() > 0) uses.get(rule).add(a);
      boolean interesting = a.tlsFailureTotal() > 0 || a.aclSessions() > 0 || a.authFailures() > 0
          || a.authClearText() > 0 || a.refusedRelays() > 0;
      if (!interesting) continue;
      boolean priv = PrivateAddresses.isPrivate(a.ip());
      List<Decision> mine = new ArrayList<>();
      String exception = rule != null ? rule.entry().raw().value() + " (" + rule.entry().raw().span() + ")" : null;
      Optional<Located<String>> noTls = noTlsHosts.stream().filter(h -> covers(h.value(), addr)).findFirst();
      if (exception == null && noTls.isPresent()) exception = "[no_tls_hosts] " + noTls.get().value() + " (" + noTls.get().span() + ")";

      List<String> failures = new ArrayList<>();
      for (TlsFailure k : a.tlsFailureKinds()) failures.add(k.label() + " ×" + a.tlsFailures(k));
      List<String> profiles = List.of();
      String change = null;
      if (a.tlsFailureTotal() > 0) {
        TlsFailure main = a.tlsFailureKinds().get(0);
        String routine = a.tlsRoutine(main);
        List<ClientProfile> likely = likelyByRoutine.computeIfAbsent(routine, r -> likelyProfiles(main, r));
        profiles = likely.stream().map(p -> p.id() + " (" + p.name() + ")").limit(MAX_LISTED).toList();
        change = changeByRoutine.computeIfAbsent(routine, r -> change(main, r, likely));
        int legacyFailures = a.tlsFailureTotal() - a.tlsFailures(TlsFailure.CLIENT_ABORT);
        if (exception == null && legacyFailures >= t.tlsFailures()) {
          String profileArg = likely.isEmpty() ? "" : " --profile " + likely.get(0).id();
          mine.add(new Decision("legacy-client-candidate", Decision.ACT, a.ip(), a.ip() + " failed TLS " + legacyFailures
              + " time(s) (" + String.join(", ", failures) + "; Haraka logged '" + a.tlsRoutine(main) + "') and has no exception."
              + (likely.isEmpty() ? " No known client profile fails this way with this tls.ini."
                  : " Likely client: " + joinLimited(profiles, likely.size()) + ".")
              + " " + change + " If it must keep sending while it is upgraded: haraka-lint legacy-client --ip " + a.ip()
              + profileArg + " --until YYYY-MM-DD --owner NAME" + (configName == null ? "" : " " + configName) + ".",
              a.last().toString(), null));
        }
      }
      if (a.authFailures() >= t.authFailures()) {
        mine.add(new Decision("auth-brute-force", Decision.ACT, a.ip(), a.authFailures() + " failed AUTH attempt(s) from "
            + a.ip() + (a.authSuccesses() > 0 ? " (and " + a.authSuccesses() + " that succeeded)" : "")
            + ": possible password guessing. Block the address (firewall, or the access plugin) and check the accounts it tried;"
            + " a success after many failures means a guessed password: change it.", a.last().toString(), null));
      }
      if (a.authClearText() > 0) {
        mine.add(new Decision("auth-clear-text", priv ? Decision.REVIEW : Decision.ACT, a.ip(), a.authClearText()
            + " AUTH attempt(s) from " + a.ip() + " without TLS: the password crossed the network in clear text"
            + (priv ? " (auth/flat_file offers AUTH without TLS to private addresses, HL302): move the client to STARTTLS"
                : ": a public client must only be offered AUTH after STARTTLS (HL301, HL302); change the password")
            + ".", a.last().toString(), null));
      }
      if (a.refusedRelays() > 0 && !priv) {
        mine.add(new Decision("relay-probing", Decision.REVIEW, a.ip(), a.refusedRelays() + " session(s) from " + a.ip()
            + " tried to relay to outside domains without AUTH (" + a.refusedRecipients() + " recipient(s) refused): open-relay"
            + " probing, refused as it should be. Nothing to change unless it is a client of yours that needs AUTH or an exception.",
            a.refusedLast().toString(), null));
      }
      kept.add(new IpReport(a.ip(), priv, a, failures, profiles, change, exception, mine));
      if (kept.size() > ctx.maxListed()) {
        for (Decision d : kept.poll().decisions()) omitted.merge(d.level() + " " + d.kind(), 1, Integer::sum);
      }
    }
    List<AclUse> aclUses = new ArrayList<>();
    for (Map.Entry<AclRule, Acc> e : uses.entrySet()) {
      AclUse use = aclUse(e.getKey(), e.getValue());
      aclUses.add(use);
      aclDecision(use, e.getKey()).ifPresent(decisions::add);
    }
    List<IpReport> clients = new ArrayList<>(kept);
    clients.sort(URGENCY);
    for (IpReport c : clients) decisions.addAll(c.decisions());
    decisions.sort(Comparator.comparing((Decision d) -> !d.acts()).thenComparing(d -> KINDS.indexOf(d.kind())));
    return new LogsReport(configName, ctx.today().toString(), window(), summary, ctx.thresholds(), List.copyOf(decisions),
        List.copyOf(aclUses), List.copyOf(clients), Map.copyOf(omitted));
  }

  static final List<String> KINDS = List.of("expired-in-use", "expiring-in-use", "legacy-client-candidate", "auth-brute-force",
      "auth-clear-text", "remove-exception", "unused-acl-entry", "relay-probing");

  /** Relays through one ACL entry, summed over its clients. */
  private final class Acc {
    int relays;
    long recipients;
    LogPosition first;
    LogPosition last;
    final List<String> clients = new ArrayList<>();

    void add(IpActivity a) {
      relays += a.aclRelays();
      recipients += a.aclRecipients();
      if (first == null || before(a.aclFirst(), first)) first = a.aclFirst();
      if (last == null || before(last, a.aclLast())) last = a.aclLast();
      if (clients.size() < MAX_LISTED) clients.add(a.ip());
    }
  }

  private boolean before(LogPosition a, LogPosition b) {
    if (a.epochMillis() >= 0 && b.epochMillis() >= 0 && a.epochMillis() != b.epochMillis()) return a.epochMillis() < b.epochMillis();
    int sa = sourceOrder.getOrDefault(a.file(), 0);
    int sb = sourceOrder.getOrDefault(b.file(), 0);
    return sa != sb ? sa < sb : a.line() < b.line();
  }

  private AclUse aclUse(AclRule rule, Acc acc) {
    AclUse.WaiverRef w = waiverFor(rule.entry()).map(x -> new AclUse.WaiverRef(x.name(), x.rule(), x.owner(),
        x.expiresText(), x.span().toString())).orElse(null);
    return new AclUse(rule.entry().raw().value(), rule.entry().raw().span().toString(), acc.relays, acc.recipients,
        acc.first, acc.last, List.copyOf(acc.clients), w);
  }

  private Optional<Decision> aclDecision(AclUse use, AclRule rule) {
    AclUse.WaiverRef w = use.waiver();
    Waiver waiver = waiverFor(rule.entry()).orElse(null);
    if (use.relays() == 0) {
      if (waiver != null) {
        return Optional.of(new Decision("remove-exception", Decision.ACT, use.entry(), "relay_acl_allow entry " + use.entry()
            + " (waiver " + w.name() + ", owner " + w.owner() + ", expires " + w.expires() + ") let nobody relay in the log window ("
            + window() + "): candidate for removal. If the client is gone or upgraded, remove the entry, its waiver"
            + " and any [no_tls_hosts] line for it.", use.where(), w.owner()));
      }
      return Optional.of(new Decision("unused-acl-entry", Decision.REVIEW, use.entry(), "relay_acl_allow entry " + use.entry()
          + " let nobody relay in the log window (" + window() + "); if no client needs it any more, remove it.", use.where(), null));
    }
    if (waiver == null || waiver.expires() == null) return Optional.empty();
    long days = ChronoUnit.DAYS.between(ctx.today(), waiver.expires());
    String usage = use.relays() + " relayed session(s), " + use.recipients() + " recipient(s), last " + when(use.last());
    if (days < 0) {
      return Optional.of(new Decision("expired-in-use", Decision.ACT, use.entry(), "relay_acl_allow entry " + use.entry()
          + " still relays (" + usage + ") but its waiver " + w.name() + " expired on " + w.expires() + ": tell " + w.owner()
          + "; the findings it accepted count again. Upgrade the client and remove the exception, or renew the waiver with a new date.",
          use.where(), w.owner()));
    }
    if (days <= ctx.thresholds().expiryDays() && use.relays() >= ctx.thresholds().heavyUse()) {
      return Optional.of(new Decision("expiring-in-use", Decision.ACT, use.entry(), "relay_acl_allow entry " + use.entry()
          + " is in heavy use (" + usage + ") and its waiver " + w.name() + " expires on " + w.expires() + " (in " + days
          + " day(s)): tell " + w.owner() + " to finish the client upgrade before then, or its mail stops when the exception is removed.",
          use.where(), w.owner()));
    }
    return Optional.empty();
  }

  /**
   * The waiver of an ACL entry: one whose entry is the entry's text or its address, whatever file it
   * names (legacy-client writes it for the client's [no_tls_hosts] line in tls.ini, HL303).
   */
  private Optional<Waiver> waiverFor(AclEntry e) {
    if (ctx.policy() == null) return Optional.empty();
    String raw = e.raw().value().trim();
    String addr = e.addressText();
    return ctx.policy().waivers().stream()
        .filter(w -> w.entry() != null && (w.entry().equals(raw) || w.entry().equals(addr)))
        .min(Comparator.comparing((Waiver w) -> w.expires() == null ? LocalDate.MAX : w.expires()));
  }

  private static boolean covers(String hostOrCidr, IPAddress addr) {
    if (addr == null) return false;
    IPAddress h = new IPAddressString(hostOrCidr.trim()).getAddress();
    if (h == null || h.isIPv4() != addr.isIPv4()) return false;
    return h.isPrefixed() ? h.toPrefixBlock().contains(addr) : h.equals(addr);
  }

  private List<ClientProfile> likelyProfiles(TlsFailure kind, String routine) {
    if (predictions == null) predictions = predictor.predict(ClientProfiles.get().all());
    List<ClientProfile> out = new ArrayList<>();
    for (Prediction p : predictions) {
      if (p.ok()) continue;
      boolean same = kind == TlsFailure.CLIENT_ABORT ? p.serverError() == null : routine.equals(p.serverError());
      if (same) out.add(p.client());
    }
    return out;
  }

  private String change(TlsFailure kind, String routine, List<ClientProfile> likely) {
    if (kind == TlsFailure.CLIENT_ABORT) {
      return "The client ended the handshake itself ('" + routine + "'): it rejects the server's certificate (chain, name"
          + " or trust store), which no tls.ini cipher or version change fixes; give the server a certificate the client trusts.";
    }
    if (likely.isEmpty()) return "No tls.ini change is known to let it in.";
    // The first likely client a change can help (the ladder of HL314); else what the first one needs.
    for (ClientProfile p : likely) {
      String change = TlsRequiredClientFails.smallestChange(ctx.node(), serverTls, p);
      if (!change.startsWith("No tls.ini change")) return "If it is " + p.id() + ": " + change;
    }
    return TlsRequiredClientFails.smallestChange(ctx.node(), serverTls, likely.get(0));
  }

  private static String joinLimited(List<String> shown, int total) {
    return String.join(", ", shown) + (total > shown.size() ? " and " + (total - shown.size()) + " more" : "");
  }

  private String when(LogPosition p) {
    if (p == null) return "never";
    return (p.epochMillis() >= 0 ? Instant.ofEpochMilli(p.epochMillis()) + " " : "") + "(" + p + ")";
  }

  private String window() {
    if (!summary.hasTimestamps()) {
      return summary.lines() + " line(s) without timestamps";
    }
    return Instant.ofEpochMilli(summary.firstTime()) + " to " + Instant.ofEpochMilli(summary.lastTime());
  }
}
