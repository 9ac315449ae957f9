package io.harakalint.legacy;

import io.harakalint.load.ConfigLoader;
import io.harakalint.load.TreeSource;
import io.harakalint.load.UserError;
import io.harakalint.model.ConfigTree;
import io.harakalint.model.HarakaVersion;
import io.harakalint.model.PluginList;
import io.harakalint.model.PolicyFile;
import io.harakalint.policy.PolicyLint;
import io.harakalint.rules.Finding;
import io.harakalint.rules.LintOptions;
import io.harakalint.text.SourceFile;
import io.harakalint.tls.ClientProfile;
import io.harakalint.tls.ClientProfiles;
import io.harakalint.tls.HandshakePredictor;
import io.harakalint.tls.NodeRuntime;
import io.harakalint.tls.Prediction;
import io.harakalint.tls.ServerTlsConfig;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The legacy-client transition for one client address: why it fails today (the compat engine), the
 * options worst to best, and the transitional patch (relay by IP) with the waivers that accept its
 * findings until a date. Nothing is written here; {@link #changes()} holds each file's old and new bytes.
 */
public final class LegacyClientPlan {
  /** The profile of the seed case: JavaMail 1.4 on Java 8 before 8u291, TLS 1.0 only. */
  public static final String DEFAULT_PROFILE = "javamail-1.4-java8";
  /** A Java 8 profile that negotiates TLS 1.2, to show what the upgrade gives. */
  static final String UPGRADED_PROFILE = "java-8u291";

  /** One file's change; {@code before} is null for a file the patch creates. */
  public record FileChange(String path, byte[] before, byte[] after, String why) {
    public boolean creates() {
      return before == null;
    }
  }

  /** A waiver the patch writes into the policy file. */
  public record PlannedWaiver(String name, String rule, String file, String entry, String finding) {}

  /** What the caller asks for. */
  public record Request(ClientAddress client, String profileId, LocalDate until, LocalDate today, String owner,
      String reason, String nodeVersion, HarakaVersion harakaVersion) {}

  private final Request req;
  private final ClientProfile profile;
  private final NodeRuntime node;
  private final Prediction today;
  private final Prediction upgraded;
  private final String startupError;
  private final boolean needsNoTls;
  private final Map<String, FileChange> changes = new LinkedHashMap<>();
  private final List<PlannedWaiver> waivers = new ArrayList<>();
  private final List<Finding> unwaivedNew = new ArrayList<>();
  private final List<Finding> stillOpen = new ArrayList<>();
  private final String configPrefix;

  private LegacyClientPlan(Request req, ClientProfile profile, NodeRuntime node, Prediction today, Prediction upgraded,
      String startupError, String configPrefix) {
    this.req = req;
    this.profile = profile;
    this.node = node;
    this.today = today;
    this.upgraded = upgraded;
    this.startupError = startupError;
    this.needsNoTls = !today.ok();
    this.configPrefix = configPrefix;
  }

  public static LegacyClientPlan of(TreeSource source, Request req) {
    ClientProfile profile = ClientProfiles.get().byId(req.profileId()).orElseThrow(() -> new UserError(
        "--profile: no client profile '" + req.profileId() + "' (see 'haraka-lint compat')"));
    NodeRuntime node = NodeRuntime.parse(req.nodeVersion()).orElseThrow(() -> new UserError("--node-version: '"
        + req.nodeVersion() + "' is not one of 18, 20, 22, 24 (or a minor such as 24.5)"));
    ConfigTree tree = ConfigLoader.load(source, req.harakaVersion());
    HandshakePredictor predictor = new HandshakePredictor(node, ServerTlsConfig.fromTree(tree));
    Prediction now = predictor.predict(profile);
    Prediction up = ClientProfiles.get().byId(UPGRADED_PROFILE).map(predictor::predict).orElse(null);
    LegacyClientPlan plan = new LegacyClientPlan(req, profile, node, now, up, predictor.startupError(), tree.configPrefix());
    plan.build(source, tree);
    return plan;
  }

  private void build(TreeSource source, ConfigTree tree) {
    plugins(source, tree);
    relayIni(source, tree);
    acl(source, tree);
    if (needsNoTls) noTlsHosts(source, tree);
    Map<String, byte[]> patched = new LinkedHashMap<>();
    changes.values().forEach(c -> patched.put(c.path(), c.after()));
    List<Finding> before = lint(source);
    List<Finding> after = lint(new OverlayTreeSource(source, patched));
    Set<String> known = new HashSet<>();
    before.forEach(f -> known.add(f.fingerprint()));
    Map<String, PlannedWaiver> planned = new LinkedHashMap<>();
    for (Finding f : after) {
      if (!f.counts()) continue;
      // Findings about the client's entries are part of the exception, new or already there
      // (an earlier [no_tls_hosts] line); other new findings are shown, not waived.
      Optional<String> entry = entryOf(f);
      if (entry.isEmpty()) {
        if (!known.contains(f.fingerprint())) unwaivedNew.add(f);
        continue;
      }
      String key = f.ruleId() + "|" + f.span().file() + "|" + entry.get();
      if (planned.containsKey(key)) continue;
      String name = req.client().waiverName() + (planned.isEmpty() ? "" : "-" + f.ruleId().toLowerCase(java.util.Locale.ROOT));
      planned.put(key, new PlannedWaiver(name, f.ruleId(), f.span().file(), entry.get(), f.message()));
    }
    waivers.addAll(planned.values());
    if (!waivers.isEmpty()) policy(source);
    patched.clear();
    changes.values().forEach(c -> patched.put(c.path(), c.after()));
    for (Finding f : lint(new OverlayTreeSource(source, patched))) {
      if (f.counts() && entryOf(f).isPresent()) stillOpen.add(f);
    }
  }

  /** The entry a finding is about, when it is one of the texts this patch writes. */
  private Optional<String> entryOf(Finding f) {
    ClientAddress c = req.client();
    for (String e : new String[] {c.noTlsHost(), c.cidr(), c.addressText()}) {
      if (f.anchor().equals(e) || f.anchor().endsWith(":" + e)) return Optional.of(e);
    }
    return Optional.empty();
  }

  private List<Finding> lint(TreeSource source) {
    return PolicyLint.lint(source, req.harakaVersion(), null,
        LintOptions.DEFAULTS.withToday(req.today()).withClients(List.of(), req.nodeVersion()), true).findings();
  }

  // ---- the edits ----------------------------------------------------------------------------

  /** The file's current text, or null when it does not exist; refuses text that is not UTF-8. */
  private static String read(TreeSource source, String path) {
    if (!source.isFile(path)) return null;
    TreeSource.ReadResult r = source.read(path);
    if (!r.isOk()) throw new UserError(path + " " + r.problem());
    SourceFile f = SourceFile.of(path, r.bytes());
    if (!f.isValidUtf8()) throw new UserError(path + ": not valid UTF-8, so it cannot be rewritten without changing other bytes");
    return f.text();
  }

  private void change(TreeSource source, String path, String before, String after, String why) {
    if (before != null && before.equals(after)) return;
    byte[] old = before == null ? null : source.read(path).bytes();
    changes.put(path, new FileChange(path, old, after.getBytes(StandardCharsets.UTF_8), why));
  }

  private void plugins(TreeSource source, ConfigTree tree) {
    String path = tree.pathOf("plugins");
    String text = read(source, path);
    PluginList list = tree.plugins();
    List<PluginList.Plugin> rcpt = list.withRole("rcpt");
    int firstRcpt = rcpt.stream().mapToInt(PluginList.Plugin::line).min().orElse(Integer.MAX_VALUE);
    Optional<PluginList.Plugin> relay = list.find("relay");
    if (relay.isPresent() && relay.get().line() < firstRcpt) return;
    if (text == null) {
      change(source, path, null, "relay\n", "load the relay plugin (config/plugins did not exist)");
      return;
    }
    LineText lines = new LineText(text);
    String why = "load the relay plugin before the rcpt_to plugins, so the ACL is checked first";
    if (relay.isPresent()) {
      // Listed after a rcpt_to plugin: move the line, keeping how it is written.
      String written = relay.get().written().value();
      lines.remove(relay.get().line() - 1);
      lines.insert(firstRcpt - 1, written);
      why = "move the relay plugin before the rcpt_to plugins: listed after them, it decides too late";
    } else if (firstRcpt == Integer.MAX_VALUE) {
      lines.append("relay");
    } else {
      lines.insert(firstRcpt - 1, "relay");
    }
    change(source, path, text, lines.toString(), why);
  }

  private void relayIni(TreeSource source, ConfigTree tree) {
    String path = tree.pathOf("relay.ini");
    String text = read(source, path);
    if (text == null) {
      change(source, path, null, "[relay]\nacl=true\n", "turn the relay plugin's ACL on (relay.ini did not exist)");
      return;
    }
    LineText lines = new LineText(text);
    int header = lines.sectionHeader("relay");
    if (header < 0) {
      if (lines.size() > 0 && !lines.content(lines.size() - 1).isBlank()) lines.append("");
      lines.append("[relay]");
      lines.append("acl=true");
    } else {
      int end = lines.sectionEnd(header);
      int acl = -1;
      for (int i = header + 1; i < end; i++) {
        if (!lines.isBlankOrComment(i) && lines.content(i).trim().matches("acl\\s*=.*")) acl = i;
      }
      if (acl < 0) {
        lines.insert(header + 1, "acl=true");
      } else {
        String c = lines.content(acl);
        String value = c.substring(c.indexOf('=') + 1).trim();
        // haraka-config reads these as true for a declared boolean (+acl).
        if (java.util.Set.of("true", "yes", "ok", "enabled", "on", "1").contains(value.toLowerCase(java.util.Locale.ROOT))) return;
        String indent = c.substring(0, c.length() - c.stripLeading().length());
        lines.replace(acl, indent + "acl=true");
      }
    }
    change(source, path, text, lines.toString(), "[relay] acl=true: relay_acl_allow grants relaying by client IP");
  }

  private void acl(TreeSource source, ConfigTree tree) {
    String path = tree.pathOf("relay_acl_allow");
    String text = read(source, path);
    String entry = req.client().cidr();
    if (text == null) {
      change(source, path, null, entry + "\n", "let " + entry + " relay without AUTH (relay_acl_allow did not exist)");
      return;
    }
    LineText lines = new LineText(text);
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.content(i).trim();
      if (t.equals(entry) || req.client().isV4() && req.client().isSingleHost() && t.equals(req.client().addressText())) return;
      if (!t.isEmpty() && !t.startsWith("#") && !t.startsWith(";") && sameNet(t)) return;
    }
    lines.append(entry);
    change(source, path, text, lines.toString(), "let " + entry + " relay without AUTH");
  }

  /** An entry written differently but meaning the same network (2001:0db8::5/128). */
  private boolean sameNet(String written) {
    try {
      ClientAddress other = ClientAddress.parse(written);
      return other.prefix() == req.client().prefix() && Arrays.equals(other.address(), req.client().address());
    } catch (UserError e) {
      return false;
    }
  }

  private void noTlsHosts(TreeSource source, ConfigTree tree) {
    String path = tree.pathOf("tls.ini");
    String host = req.client().noTlsHost();
    for (var h : tree.tls().noTlsHosts()) {
      if (h.value().equals(host) || sameNet(h.value()) || h.value().equals(req.client().addressText()) && req.client().isSingleHost()) {
        return;
      }
    }
    String text = read(source, path);
    String why = "no STARTTLS for " + host + ": it cannot complete any handshake this server allows";
    if (text == null) {
      change(source, path, null, "[no_tls_hosts]\n" + host + "\n", why);
      return;
    }
    LineText lines = new LineText(text);
    int header = lines.sectionHeader("no_tls_hosts");
    if (header < 0) {
      if (lines.size() > 0 && !lines.content(lines.size() - 1).isBlank()) lines.append("");
      lines.append("[no_tls_hosts]");
      lines.append(host);
    } else {
      int end = lines.sectionEnd(header);
      int last = header;
      // After the section's last written line (Haraka's commented examples come first).
      for (int i = header + 1; i < end; i++) if (!lines.content(i).isBlank()) last = i;
      lines.insert(last + 1, host);
    }
    change(source, path, text, lines.toString(), why);
  }

  private void policy(TreeSource source) {
    String path = PolicyFile.FILE_NAME;
    String text = read(source, path);
    LineText lines = new LineText(text == null ? "" : text);
    List<PlannedWaiver> written = new ArrayList<>();
    for (PlannedWaiver w : waivers) {
      if (lines.sectionHeader("waiver " + w.name()) >= 0) {
        throw new UserError(path + " already has [waiver " + w.name() + "] for another rule or entry; rename or remove it first");
      }
      if (lines.size() > 0 && !lines.content(lines.size() - 1).isBlank()) lines.append("");
      lines.append("[waiver " + w.name() + "]");
      lines.append("rule=" + w.rule());
      lines.append("file=" + w.file());
      lines.append("entry=" + w.entry());
      lines.append("reason=" + req.reason());
      lines.append("owner=" + req.owner());
      lines.append("expires=" + req.until());
      written.add(w);
    }
    if (written.isEmpty()) return;
    if (text == null) {
      changes.put(path, new FileChange(path, null, lines.toString().getBytes(StandardCharsets.UTF_8),
          "accept the new findings until " + req.until() + " (policy file did not exist)"));
    } else {
      change(source, path, text, lines.toString(), "accept the new findings until " + req.until());
    }
  }

  // ---- what the command prints ---------------------------------------------------------------

  public List<FileChange> changes() {
    return List.copyOf(changes.values());
  }

  public List<PlannedWaiver> waivers() {
    return List.copyOf(waivers);
  }

  /** New findings the patch causes that are not about the client's entries (not waived). */
  public List<Finding> unwaivedNewFindings() {
    return List.copyOf(unwaivedNew);
  }

  /** Findings about the client's entries that still count after the patch and its waivers (should be empty). */
  public List<Finding> stillOpen() {
    return List.copyOf(stillOpen);
  }

  public ClientProfile profile() {
    return profile;
  }

  public NodeRuntime node() {
    return node;
  }

  public Prediction prediction() {
    return today;
  }

  public boolean needsNoTls() {
    return needsNoTls;
  }

  public Request request() {
    return req;
  }

  /** The line Haraka writes for the failed handshake, or null when the handshake succeeds. */
  public String harakaLogLine() {
    if (startupError != null) return "Haraka does not start: " + startupError;
    if (today.serverError() == null) return null;
    return "[ERROR] [-] [core] client connection error: Error: ...:error:...:" + today.serverError() + ":...";
  }

  /** Why the client fails today, in one paragraph. */
  public String whyItFails() {
    String who = req.client().cidr() + " (" + profile.name() + ", profile " + profile.id() + ")";
    if (startupError != null) return who + ": Haraka itself does not start with this tls.ini: " + startupError + ".";
    if (today.ok()) {
      return who + " completes a TLS handshake with this tls.ini on Node " + node.describe() + " (" + today.reason()
          + "), so no [no_tls_hosts] entry is needed; relaying by IP only spares it AUTH.";
    }
    return who + " cannot complete a TLS handshake with this tls.ini on Node " + node.describe() + ": " + today.reason()
        + ". STARTTLS fails, and auth plugins offer AUTH only after TLS, so it cannot authenticate and cannot send.";
  }

  /** The options, worst first. */
  public List<String[]> options() {
    List<String[]> out = new ArrayList<>();
    out.add(new String[] {"refused", "Disable the auth plugin's TLS check (offer AUTH without TLS)",
        "The client's password would cross the network in clear text on every connection, and any host could try"
            + " passwords without TLS; haraka-lint flags it wherever it is found (HL301, HL302). This command will not write it."});
    String up = "Move the client to TLS 1.2: Java 8u291 or later (TLS 1.0/1.1 are disabled there, TLS 1.2 is the default),"
        + " or keep the JVM and set the JavaMail property mail.smtp.ssl.protocols=TLSv1.2 (JavaMail 1.5.x/1.6.x; with"
        + " mail.smtp.starttls.enable=true). No change on the server.";
    if (upgraded != null) {
      up += " Predicted for " + upgraded.client().name() + " against this tls.ini: "
          + (upgraded.ok() ? "connects (" + upgraded.reason() + ")." : "still fails (" + upgraded.reason() + ").");
    }
    out.add(new String[] {"recommended", "Upgrade the client", up});
    out.add(new String[] {"transitional", "Relay by IP until " + req.until(),
        "Load the relay plugin before the rcpt_to plugins with [relay] acl=true and " + req.client().cidr()
            + " in relay_acl_allow" + (needsNoTls ? ", and list it in tls.ini [no_tls_hosts] so it is not offered STARTTLS" : "")
            + ". It then sends without AUTH (and" + (needsNoTls ? " without TLS" : " with TLS") + ") from that address only;"
            + " the findings this causes are waived until " + req.until() + ", when the exception ends and they count again."
            + " This is the patch below."});
    return out;
  }

  /**
   * The lines to watch in Haraka's log while the exception lasts (formats as Haraka 3.3.4 writes them,
   * checked by LegacyClientLiveTest).
   */
  public List<String> logLinesToWatch() {
    List<String> out = new ArrayList<>();
    String ip = req.client().isSingleHost() ? req.client().addressText() : req.client().cidr() + " (each address)";
    out.add("each session of the client under the exception: [core] disconnect ip=" + ip + " ... relay=Y ... tls="
        + (needsNoTls ? "N" : "Y") + " ... rcpts=A/T/R (A recipients accepted); count them: when they stop, end the exception early");
    out.add("the ACL granting it: [core]  hook=connect plugin=relay function=pass_relaying ... retval=OK in the client's session"
        + " (hook=connect_init plugin=relay function=acl retval=OK before it)");
    if (harakaLogLine() != null && startupError == null) {
      out.add("should no longer appear for ip=" + ip + " once the patch is live: client connection error: ..."
          + today.serverError());
    }
    out.add("the exception not in effect (or over): disconnect ip=" + ip + " ... relay=N ... lr=\"550 I cannot deliver mail for <...>\"");
    out.add("the upgrade done: its sessions show tls=Y (STARTTLS with TLSv1.2 or TLSv1.3; the tls plugin's secured: line)"
        + (needsNoTls ? " once it is removed from [no_tls_hosts]" : "") + "; then remove the relay_acl_allow entry and the waiver");
    return out;
  }

  /** The report template's model. */
  public Map<String, Object> reportModel() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("client", req.client().cidr());
    m.put("address", req.client().addressText());
    m.put("profileId", profile.id());
    m.put("profileName", profile.name());
    m.put("nodeVersion", node.describe());
    m.put("why", whyItFails());
    m.put("logLine", harakaLogLine() == null ? "" : harakaLogLine());
    m.put("today", req.today().toString());
    m.put("until", req.until().toString());
    m.put("days", java.time.temporal.ChronoUnit.DAYS.between(req.today(), req.until()));
    m.put("owner", req.owner());
    m.put("reason", req.reason());
    m.put("needsNoTls", needsNoTls);
    List<Map<String, String>> opts = new ArrayList<>();
    for (String[] o : options()) opts.add(Map.of("verdict", o[0], "title", o[1], "text", o[2]));
    m.put("options", opts);
    m.put("timeline", timeline());
    List<Map<String, String>> files = new ArrayList<>();
    for (FileChange c : changes.values()) files.add(Map.of("path", c.path(), "why", c.why()));
    m.put("files", files);
    List<Map<String, String>> ws = new ArrayList<>();
    for (PlannedWaiver w : waivers) ws.add(Map.of("name", w.name(), "rule", w.rule(), "file", w.file(), "entry", w.entry()));
    m.put("waivers", ws);
    m.put("watch", logLinesToWatch());
    m.put("configPrefix", configPrefix);
    return m;
  }

  private List<Map<String, String>> timeline() {
    LocalDate start = req.today();
    LocalDate end = req.until();
    List<Map<String, String>> out = new ArrayList<>();
    out.add(Map.of("date", start.toString(), "what", "exception starts: the patch is deployed; the client relays by IP"
        + (needsNoTls ? " without TLS" : "") + "; the owner (" + req.owner() + ") plans the client upgrade"));
    long days = java.time.temporal.ChronoUnit.DAYS.between(start, end);
    if (days >= 14) {
      LocalDate test = start.plusDays(days / 2);
      out.add(Map.of("date", test.toString(), "what", "upgraded client (Java 8u291+ or mail.smtp.ssl.protocols=TLSv1.2)"
          + " tested against this server: 'haraka-lint compat --client " + UPGRADED_PROFILE + "' and a real STARTTLS"));
    }
    if (days >= 7) {
      out.add(Map.of("date", end.minusDays(7).toString(), "what", "upgraded client in production; its connections show TLS 1.2"));
    }
    out.add(Map.of("date", end.toString(), "what", "exception ends: remove " + req.client().cidr() + " from relay_acl_allow"
        + (needsNoTls ? " and tls.ini [no_tls_hosts]" : "") + " and the waiver; from the next day 'haraka-lint check' fails on these entries again"));
    return out;
  }
}
