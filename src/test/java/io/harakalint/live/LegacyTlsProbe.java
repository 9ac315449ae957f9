package io.harakalint.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A legacy TLS client played by {@code openssl s_client -starttls smtp}: only the TLS versions it is
 * told, and {@code DEFAULT:@SECLEVEL=0} on its side so that the client itself never refuses an old
 * handshake (the server's answer is what is under test). s_client cannot send a PROXY line, so the
 * server must be prepared {@link ScenarioTree#withoutProxy() without PROXY}. Bounded by a timeout.
 *
 * @param established whether a cipher was negotiated
 * @param protocol "TLSv1" as s_client prints it, or null
 * @param serverLog the server's lines from the start of the attempt to its disconnect line
 */
public record LegacyTlsProbe(String client, boolean established, String protocol, String cipher,
    List<String> clientOutput, List<String> serverLog) {
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  /** A TLS 1.0-only client (Java 7 or JavaMail &lt;= 1.5.2 style). */
  public static LegacyTlsProbe tls1(HarakaServer server) {
    return run(server, "-tls1", "TLSv1.0-only client (openssl s_client -tls1)");
  }

  static LegacyTlsProbe run(HarakaServer server, String versionFlag, String label) {
    if (server.tree().proxy()) throw new IllegalArgumentException("s_client cannot send PROXY: prepare the tree withoutProxy()");
    return run(server, null, label, versionFlag, "-cipher", "DEFAULT:@SECLEVEL=0");
  }

  /**
   * {@code openssl s_client -starttls smtp} with {@code clientArgs}; on a server that takes PROXY,
   * through a {@link ProxyV1Forwarder} that presents {@code clientIp} (null: 127.0.0.1 directly).
   */
  static LegacyTlsProbe run(HarakaServer server, String clientIp, String label, String... clientArgs) {
    if (server.tree().proxy() == (clientIp == null)) {
      throw new IllegalArgumentException(server.tree().proxy() ? "this server takes PROXY: name the client address"
          : "this server was prepared without PROXY: no client address");
    }
    ServerLog log = server.log();
    int mark = log.mark();
    Command c;
    try (ProxyV1Forwarder forwarder = clientIp == null ? null : ProxyV1Forwarder.start(clientIp, server.port())) {
      int port = forwarder == null ? server.port() : forwarder.port();
      List<String> cmd = new ArrayList<>(List.of(HarakaInstall.OPENSSL, "s_client", "-starttls", "smtp", "-connect",
          "127.0.0.1:" + port));
      cmd.addAll(List.of(clientArgs));
      // Empty standard input: s_client quits right after the handshake (or its failure).
      c = Command.run(cmd, null, "", TIMEOUT);
    }
    // The only session since the mark is this one (s_client's local port is not known).
    List<String> session = log.await(mark, ServerLog::isConnect, Duration.ofSeconds(3))
        .flatMap(ServerLog::uuidOf)
        .map(uuid -> {
          log.await(mark, l -> l.contains(uuid) && ServerLog.isDisconnect(l), Duration.ofSeconds(3));
          return log.session(uuid);
        })
        .orElseGet(() -> log.since(mark));
    String protocol = field(c.lines(), "Protocol  :").orElse(null);
    String cipher = field(c.lines(), "Cipher    :").orElse(null);
    boolean ok = cipher != null && !cipher.equals("0000") && !cipher.equals("(NONE)");
    List<String> out = new ArrayList<>(c.lines());
    if (c.timedOut()) out.add("(s_client killed after " + TIMEOUT.toSeconds() + " s)");
    return new LegacyTlsProbe(label, ok, ok ? protocol : null, ok ? cipher : null, List.copyOf(out), session);
  }

  private static Optional<String> field(List<String> lines, String name) {
    return lines.stream().map(String::trim).filter(l -> l.startsWith(name)).findFirst()
        .map(l -> l.substring(name.length()).trim());
  }

  /** Server lines reporting a failed TLS upgrade ("client connection error: ..."). */
  public List<String> serverErrors() {
    return serverLog.stream().filter(l -> l.contains("client connection error") || l.contains("SSL routines")).toList();
  }

  /** Whether the server's log names {@code sslRoutine}, e.g. "tls_early_post_process_client_hello:unsupported protocol". */
  public boolean serverLogged(String sslRoutine) {
    return serverLog.stream().anyMatch(l -> l.contains("SSL routines:" + sslRoutine));
  }

  /** "TLSv1 ECDHE-RSA-AES256-SHA" or "handshake failed: <server error>". */
  public String summary() {
    if (established) {
      return "handshake done: " + protocol + " " + cipher + serverLog.stream().filter(l -> l.contains("secured:"))
          .findFirst().map(l -> " (server: " + l.substring(l.indexOf("secured:")) + ")").orElse("");
    }
    return "handshake failed; server: " + serverErrors().stream().findFirst().map(LegacyTlsProbe::sslReason).orElse("(no error logged)");
  }

  /** "SSL routines:tls_choose_sigalg:no suitable signature algorithm" out of Haraka's line. */
  static String sslReason(String line) {
    int i = line.indexOf("SSL routines:");
    if (i < 0) return line;
    String rest = line.substring(i);
    int end = rest.indexOf(":../");
    return end > 0 ? rest.substring(0, end) : rest;
  }
}
