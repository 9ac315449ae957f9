package io.harakalint.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A scenario's Haraka root (from {@code src/test/resources/live/<name>/} and/or files given in code),
 * and how it becomes a throwaway copy that is safe to start on this machine:
 * <ul>
 *   <li>{@code smtp.ini}: {@code listen=127.0.0.1:PORT} on a free port and {@code nodes=0}
 *       (other listen, listen_host, port and nodes lines dropped);</li>
 *   <li>{@code outbound.ini}: {@code disabled=true}; every {@code queue/*} plugin replaced by
 *       {@code queue/discard} (which discards when YES_REALLY_DO_DISCARD is set, see
 *       {@link HarakaServer}), and queue/discard added unless the scenario is about having no
 *       queue plugin ({@link #withoutQueuePlugin}); plugins that query DNS or the network removed;</li>
 *   <li>a local plugin {@code live_rdns} loaded first that answers {@code lookup_rdns} with
 *       "client.example", so no DNS query leaves the machine;</li>
 *   <li>PROXY v1 accepted from 127.0.0.1 ({@code connection.ini [haproxy] hosts[]} on 3.1+, the
 *       {@code haproxy_hosts} file before), so a probe can present other client addresses, unless
 *       the scenario's own hosts are under test ({@link #proxyHostsAsWritten});</li>
 *   <li>{@value #PORT_PLACEHOLDER} in any scenario file replaced by the chosen port;</li>
 *   <li>on 3.1+, Haraka's shipped {@code connection.ini} when the scenario has none (it is
 *       mandatory there), unless the scenario is about it missing;</li>
 *   <li>when {@code tls} is listed: a throwaway key and certificate ({@link ThrowawayTls}) under
 *       the default names, unless the scenario is about them missing; ffdhe2048 DH parameters;</li>
 *   <li>{@code log.ini} at level info (the harness reads the log; format and timestamps per
 *       {@link #logFormat}), {@code me}=mx.test if absent, and
 *       a root {@code package.json} naming the installed versions, as on a real server.</li>
 * </ul>
 * The linter is run on that same copy, so it judges exactly what Haraka runs.
 */
public final class ScenarioTree {
  /** The local plugin that answers lookup_rdns. */
  static final String RDNS_PLUGIN = "live_rdns";
  /** Written in a scenario file, stands for the port the server listens on ("smtps_port=@PORT@"). */
  static final String PORT_PLACEHOLDER = "@PORT@";

  /** Plugins that query DNS or other servers (or need redis); the harness removes them. */
  static final Set<String> NETWORK_PLUGINS = Set.of("dnsbl", "dnswl", "dns-list", "backscatterer", "spf",
      "mail_from.is_resolvable", "fcrdns", "connect.fcrdns", "asn", "connect.asn", "geoip", "connect.geoip",
      "helo.checks", "uribl", "data.uribl", "karma", "greylist", "rspamd", "spamassassin", "clamd",
      "messagesniffer", "dcc", "p0f", "connect.p0f", "lookup_rdns.strict", "limit", "rate_limit", "redis",
      "known-senders", "dkim", "dkim_verify", "auth-ldap", "auth/auth_ldap", "rcpt-ldap", "rcpt_to.ldap",
      "auth/auth_proxy", "auth/auth_bridge", "auth/auth_vpopmaild", "qmail-deliverable",
      "rcpt_to.qmail_deliverable", "watch", "elasticsearch", "log.elasticsearch", "esets", "avg");

  private static final Pattern SMTP_KEYS = Pattern.compile("^\\s*(listen|listen_host|port|nodes)\\s*(=.*)?$");
  private static final Pattern OUTBOUND_KEYS = Pattern.compile("^\\s*disabled\\s*(=.*)?$");
  private static final Pattern EMPTY_HOSTS = Pattern.compile("^\\s*hosts\\[\\]\\s*=\\s*$");
  private static final Pattern HEADER = Pattern.compile("^\\s*\\[\\s*([^\\]]*?)\\s*\\]\\s*$");

  private final String name;
  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private boolean proxy = true;
  private boolean certificate = true;
  private boolean connectionIni = true;
  private boolean bareListenPort;
  private boolean proxyHostsAsWritten;
  private boolean queuePlugin = true;
  private String logFormat = "default";
  private boolean logTimestamps;

  private ScenarioTree(String name) {
    this.name = name;
  }

  /** The tree in {@code src/test/resources/live/<name>/} (its files relative to the Haraka root). */
  public static ScenarioTree resource(String name) {
    ScenarioTree t = new ScenarioTree(name);
    Path dir = HarakaInstall.projectRoot().resolve("src/test/resources/live").resolve(name);
    if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no scenario folder " + dir);
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        t.files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return t;
  }

  /** An empty tree to fill with {@link #file}. */
  public static ScenarioTree inline(String name) {
    return new ScenarioTree(name);
  }

  /** A copy under another name, for a variant. */
  public ScenarioTree variant(String variantName) {
    ScenarioTree t = new ScenarioTree(variantName);
    t.files.putAll(files);
    t.proxy = proxy;
    t.certificate = certificate;
    t.connectionIni = connectionIni;
    t.bareListenPort = bareListenPort;
    t.proxyHostsAsWritten = proxyHostsAsWritten;
    t.queuePlugin = queuePlugin;
    t.logFormat = logFormat;
    t.logTimestamps = logTimestamps;
    return t;
  }

  public String name() {
    return name;
  }

  /** Adds or replaces a file, relative to the Haraka root ("config/relay.ini"). */
  public ScenarioTree file(String relPath, String text) {
    files.put(relPath, text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** No PROXY from 127.0.0.1: the clients are 127.0.0.1 itself (for openssl s_client, which cannot send PROXY). */
  public ScenarioTree withoutProxy() {
    proxy = false;
    return this;
  }

  /** Keeps the tree without TLS key and certificate even though tls is listed. */
  public ScenarioTree withoutCertificate() {
    certificate = false;
    return this;
  }

  /** Keeps the tree without connection.ini (3.1+ needs one). */
  public ScenarioTree withoutConnectionIni() {
    connectionIni = false;
    return this;
  }

  /** Writes {@code listen=PORT}, a bare number (haraka-config types it as an integer). */
  public ScenarioTree listenOnBarePort() {
    bareListenPort = true;
    return this;
  }

  /**
   * Keeps connection.ini {@code [haproxy] hosts[]} exactly as the scenario wrote it (no
   * {@code hosts[]=127.0.0.1} added), while the probes still send a PROXY line: for scenarios about
   * which peers Haraka trusts to send one.
   */
  public ScenarioTree proxyHostsAsWritten() {
    proxyHostsAsWritten = true;
    return this;
  }

  /** Adds no queue/discard: for scenarios about a tree without any queue plugin. */
  public ScenarioTree withoutQueuePlugin() {
    queuePlugin = false;
    return this;
  }

  /**
   * Haraka's log.ini {@code [main] format} ({@code default}, {@code logfmt} or {@code json}) and
   * {@code timestamps}, for scenarios about reading Haraka's own logs (default: default, no timestamps).
   */
  public ScenarioTree logFormat(String format, boolean timestamps) {
    logFormat = format;
    logTimestamps = timestamps;
    return this;
  }

  /** A throwaway copy ready for {@code haraka -c}, in a new temporary folder. */
  public Prepared prepare(HarakaInstall install) {
    try {
      Path root = Files.createTempDirectory("haraka-lint-live-" + name + "-");
      TempDirs.deleteOnExit(root);
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Path p = root.resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.write(p, f.getValue());
      }
      Path config = root.resolve("config");
      Files.createDirectories(config);
      Files.createDirectories(root.resolve("plugins"));
      int port = freePort();
      substitutePort(root, port);
      boolean v31 = install.version().atLeast(3, 1, 0);

      writeSmtpIni(config, port);
      replaceMainKey(config.resolve("outbound.ini"), OUTBOUND_KEYS, "disabled=true");
      List<String> removed = new ArrayList<>();
      boolean tls = rewritePlugins(config, removed, queuePlugin);
      Files.writeString(root.resolve("plugins").resolve(RDNS_PLUGIN + ".js"), RDNS_JS);
      Files.writeString(config.resolve("log.ini"), "[main]\nlevel=info\ntimestamps=" + logTimestamps + "\nformat=" + logFormat + "\n");
      if (!Files.exists(config.resolve("me"))) Files.writeString(config.resolve("me"), "mx.test\n");
      if (v31) {
        Path conn = config.resolve("connection.ini");
        if (!Files.exists(conn) && connectionIni) {
          Files.copy(install.harakaPackage().resolve("config/connection.ini"), conn);
        }
        if (proxy && !proxyHostsAsWritten && Files.exists(conn)) trustProxyFromLoopback(conn);
      } else if (proxy && !proxyHostsAsWritten) {
        appendLine(config.resolve("haproxy_hosts"), "127.0.0.1");
      }
      Path material = ThrowawayTls.material();
      if (!Files.exists(config.resolve(ThrowawayTls.DHPARAM))) {
        Files.copy(material.resolve(ThrowawayTls.DHPARAM), config.resolve(ThrowawayTls.DHPARAM));
      }
      if (tls && certificate) {
        for (String f : List.of(ThrowawayTls.KEY, ThrowawayTls.CERT)) {
          if (!Files.exists(config.resolve(f))) Files.copy(material.resolve(f), config.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      writePackageJson(root, install);
      boolean takesProxy = proxy && (!v31 || Files.exists(config.resolve("connection.ini")));
      return new Prepared(name, install, root, port, takesProxy, List.copyOf(removed));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A prepared copy.
   *
   * @param proxy whether the server takes PROXY v1 from 127.0.0.1 (then every probe must send one)
   * @param removedPlugins plugins the harness took out (network, DNS, queue)
   */
  public record Prepared(String scenario, HarakaInstall install, Path root, int port, boolean proxy,
      List<String> removedPlugins) {
    public void delete() {
      TempDirs.delete(root);
    }
  }

  private static final String RDNS_JS = """
      // Written by haraka-lint's live test harness: answers lookup_rdns so that no DNS query leaves the machine.
      exports.hook_lookup_rdns = function (next) {
        next(OK, 'client.example')
      }
      """;

  private void writeSmtpIni(Path config, int port) throws IOException {
    String listen = bareListenPort ? "listen=" + port : "listen=127.0.0.1:" + port;
    replaceMainKey(config.resolve("smtp.ini"), SMTP_KEYS, listen + "\nnodes=0");
  }

  /** Replaces {@value #PORT_PLACEHOLDER} in the scenario's files with the port chosen for this run. */
  private void substitutePort(Path root, int port) throws IOException {
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      String text = new String(f.getValue(), StandardCharsets.UTF_8);
      if (text.contains(PORT_PLACEHOLDER)) {
        Files.writeString(root.resolve(f.getKey()), text.replace(PORT_PLACEHOLDER, Integer.toString(port)));
      }
    }
  }

  /** Drops the main-section lines matching {@code keys} and puts {@code lines} first (keys before any header are main). */
  private static void replaceMainKey(Path file, Pattern keys, String lines) throws IOException {
    List<String> kept = new ArrayList<>();
    if (Files.exists(file)) {
      String section = "main";
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        var h = HEADER.matcher(line);
        if (h.matches()) section = h.group(1);
        if (section.equals("main") && keys.matcher(line).matches()) continue;
        kept.add(line);
      }
    }
    Files.writeString(file, "; set by the live test harness\n" + lines + "\n" + String.join("\n", kept) + "\n");
  }

  /** Returns whether tls is listed. */
  private static boolean rewritePlugins(Path config, List<String> removed, boolean queue) throws IOException {
    Path file = config.resolve("plugins");
    List<String> out = new ArrayList<>();
    out.add("# rewritten by the live test harness: " + RDNS_PLUGIN + " first, queue plugins replaced by queue/discard,");
    out.add("# plugins that use DNS or the network removed");
    out.add(RDNS_PLUGIN);
    boolean tls = false;
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String name = line.trim();
        if (name.isEmpty() || name.startsWith("#") || name.startsWith(";")) continue;
        String plain = name.startsWith("haraka-plugin-") ? name.substring("haraka-plugin-".length()) : name;
        if (plain.startsWith("queue/") || NETWORK_PLUGINS.contains(plain)) {
          removed.add(name);
          continue;
        }
        tls |= plain.equals("tls");
        out.add(line);
      }
    }
    if (queue) out.add("queue/discard");
    Files.write(file, out, StandardCharsets.UTF_8);
    return tls;
  }

  /** {@code hosts[]=127.0.0.1} in [haproxy], in place of the shipped empty {@code hosts[] =} when there is one. */
  private static void trustProxyFromLoopback(Path conn) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(conn, StandardCharsets.UTF_8));
    int header = -1;
    for (int i = 0; i < lines.size(); i++) {
      var h = HEADER.matcher(lines.get(i));
      if (h.matches()) {
        if (header >= 0) break;
        if (h.group(1).equals("haproxy")) header = i;
      } else if (header >= 0 && EMPTY_HOSTS.matcher(lines.get(i)).matches()) {
        lines.set(i, "hosts[]=127.0.0.1");
        Files.write(conn, lines, StandardCharsets.UTF_8);
        return;
      }
    }
    if (header >= 0) {
      lines.add(header + 1, "hosts[]=127.0.0.1");
    } else {
      lines.add("[haproxy]");
      lines.add("hosts[]=127.0.0.1");
    }
    Files.write(conn, lines, StandardCharsets.UTF_8);
  }

  private static void appendLine(Path file, String line) throws IOException {
    String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    if (!before.isEmpty() && !before.endsWith("\n")) before += "\n";
    Files.writeString(file, before + line + "\n");
  }

  private static void writePackageJson(Path root, HarakaInstall install) throws IOException {
    if (Files.exists(root.resolve("package.json"))) return;
    StringBuilder deps = new StringBuilder();
    install.packages().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      if (deps.length() > 0) deps.append(",\n");
      deps.append("    \"").append(e.getKey()).append("\": \"").append(e.getValue()).append('"');
    });
    Files.writeString(root.resolve("package.json"),
        "{\n  \"name\": \"live-scenario\",\n  \"private\": true,\n  \"dependencies\": {\n" + deps + "\n  }\n}\n");
  }

  /** A port that was free on 127.0.0.1 a moment ago. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }
}
