package io.harakalint.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A small SMTP client for one session against a {@link HarakaServer} on 127.0.0.1. It can announce
 * another client address with a PROXY v1 line (only text on the loopback connection: nothing is
 * sent anywhere else), and reports the banner, EHLO capabilities before and after STARTTLS, the
 * negotiated TLS version and suite, the AUTH result, the replies to an unauthenticated MAIL FROM and
 * RCPT TOs, and the server's log lines of the session. Every read has a socket timeout.
 *
 * <p>The order is fixed: PROXY, banner, EHLO, [MAIL FROM + RCPT TOs + RSET, unauthenticated],
 * [STARTTLS + EHLO], [AUTH: over TLS when it was set up, else in clear text], QUIT.
 */
public final class SmtpProbe {
  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);
  static final Duration LOG_WAIT = Duration.ofSeconds(3);
  static final String SENDER = "sender@sender.example";
  /** An outside domain: relaying to it without AUTH is what an open relay does. */
  public static final String OUTSIDE = "victim@outside.example";

  /** The client address a session presents. */
  public record Client(String ip, String label) {
    /** A public address (198.18.0.0/15, benchmarking; Haraka does not treat it as private). */
    public static final Client PUBLIC = new Client("198.18.0.10", "public 198.18.0.10");
    public static final Client PUBLIC_OTHER = new Client("198.18.0.11", "public 198.18.0.11");
    public static final Client PUBLIC_THIRD = new Client("198.18.0.20", "public 198.18.0.20");
    /** An RFC 1918 address: private for Haraka (and auth/flat_file offers it AUTH without TLS). */
    public static final Client PRIVATE = new Client("10.1.2.3", "private 10.1.2.3");
    public static final Client LOOPBACK = new Client("127.0.0.1", "loopback 127.0.0.1 (via PROXY)");
    /** 127.0.0.1 itself, no PROXY line (for servers prepared without PROXY). */
    public static final Client DIRECT = new Client(null, "127.0.0.1 (no PROXY)");

    public static Client of(String ip) {
      return new Client(ip, ip);
    }
  }

  /** AUTH mechanisms the probe can use. */
  public enum AuthMethod { PLAIN, LOGIN }

  /** One SMTP reply; code 0 when the connection closed or failed instead. */
  public record Reply(int code, List<String> lines) {
    static Reply closed(String why) {
      return new Reply(0, List.of("(" + why + ")"));
    }

    public boolean positive() {
      return code >= 200 && code < 400;
    }

    public String text() {
      return String.join(" / ", lines);
    }
  }

  /** The reply to one RCPT TO. */
  public record Rcpt(String address, Reply reply) {
    public boolean accepted() {
      return reply.code() == 250 || reply.code() == 251;
    }
  }

  /** What one session showed. */
  public record Result(Client client, Reply banner, Reply xclient, List<String> ehloBeforeTls, Reply starttls,
      String tlsProtocol, String tlsSuite, List<String> ehloAfterTls, Reply auth, boolean authOverTls, Reply mailFrom,
      List<Rcpt> rcpts, Reply data, List<String> log, String error) {

    public boolean offersBeforeTls(String keyword) {
      return offers(ehloBeforeTls, keyword);
    }

    public boolean offersAfterTls(String keyword) {
      return offers(ehloAfterTls, keyword);
    }

    /** The AUTH mechanisms of the EHLO before TLS ("PLAIN LOGIN"), or "" when AUTH is not offered. */
    public String authBeforeTls() {
      return authLine(ehloBeforeTls);
    }

    public String authAfterTls() {
      return authLine(ehloAfterTls);
    }

    public boolean tlsEstablished() {
      return tlsProtocol != null;
    }

    public boolean authenticated() {
      return auth != null && auth.code() == 235;
    }

    /** The reply to the first RCPT TO {@code address}. */
    public Optional<Rcpt> rcpt(String address) {
      return rcpts.stream().filter(r -> r.address().equals(address)).findFirst();
    }

    /** Whether an unauthenticated RCPT TO the outside domain (the first one) was accepted. */
    public boolean relayAccepted() {
      return rcpt(OUTSIDE).map(Rcpt::accepted).orElse(false);
    }

    /** "RCPT TO:<victim@outside.example> -> 550 I cannot deliver ..." for every RCPT. */
    public String rcptSummary() {
      List<String> out = new ArrayList<>();
      for (Rcpt r : rcpts) out.add("RCPT TO:<" + r.address() + "> " + r.reply().text());
      return String.join("; ", out);
    }

    public String authSummary() {
      if (auth == null) return "AUTH not tried";
      return "AUTH " + (authOverTls ? "over " + tlsProtocol : "in clear text") + ": " + auth.text();
    }

    public String capabilities() {
      String before = "EHLO: AUTH " + (authBeforeTls().isEmpty() ? "not offered" : authBeforeTls())
          + ", STARTTLS " + (offersBeforeTls("STARTTLS") ? "offered" : "not offered");
      if (!tlsEstablished()) return before;
      return before + "; after STARTTLS (" + tlsProtocol + " " + tlsSuite + "): AUTH "
          + (authAfterTls().isEmpty() ? "not offered" : authAfterTls());
    }

    /** Session log lines that contain {@code text}. */
    public List<String> logLines(String text) {
      return log.stream().filter(l -> l.contains(text)).toList();
    }

    private static boolean offers(List<String> ehlo, String keyword) {
      String k = keyword.toUpperCase(Locale.ROOT);
      return ehlo.stream().map(SmtpProbe::capability).anyMatch(c -> c.equals(k) || c.startsWith(k + " "));
    }

    private static String authLine(List<String> ehlo) {
      return ehlo.stream().map(SmtpProbe::capability).filter(c -> c.startsWith("AUTH ")).findFirst()
          .map(c -> c.substring(5).trim()).orElse("");
    }
  }

  private final Client client;
  private boolean startTls;
  private String[] tlsProtocols;
  private AuthMethod authMethod;
  private String user;
  private String password;
  private final List<String> rcpts = new ArrayList<>();
  private Duration bannerTimeout = SOCKET_TIMEOUT;
  private String xclientAddr;
  private String sender = SENDER;
  private boolean data;

  private SmtpProbe(Client client) {
    this.client = client;
  }

  /** A session from {@code client}. */
  public static SmtpProbe as(Client client) {
    return new SmtpProbe(client);
  }

  /** Upgrades with STARTTLS when the server offers it (trusting any certificate: the harness made it). */
  public SmtpProbe startTls() {
    startTls = true;
    return this;
  }

  /**
   * Restricts the client's TLS versions (for example "TLSv1.2"). The JDK disables TLSv1 and TLSv1.1
   * in java.security, so legacy clients are played by {@link LegacyTlsProbe} (openssl) instead.
   */
  public SmtpProbe tlsProtocols(String... protocols) {
    startTls = true;
    tlsProtocols = protocols.clone();
    return this;
  }

  /** Authenticates after the other steps: over TLS when it was set up, else in clear text. */
  public SmtpProbe auth(AuthMethod method, String user, String password) {
    this.authMethod = method;
    this.user = user;
    this.password = password;
    return this;
  }

  /** MAIL FROM then RCPT TO each address, unauthenticated, before STARTTLS and AUTH; then RSET. */
  public SmtpProbe rcpt(String... addresses) {
    rcpts.addAll(List.of(addresses));
    return this;
  }

  /**
   * Right after the first EHLO, sends {@code XCLIENT ADDR=<addr>} (Postfix's XCLIENT, which Haraka's
   * xclient plugin takes from 127.0.0.1); when the server answers 220 the session goes on with a new
   * EHLO as that address. The reply is in {@link Result#xclient()}; the log is every line since the
   * session began (Haraka gives the session a new UUID after XCLIENT).
   */
  public SmtpProbe xclient(String addr) {
    xclientAddr = addr;
    return this;
  }

  /** The MAIL FROM address (default {@value #SENDER}). */
  public SmtpProbe mailFrom(String address) {
    sender = address;
    return this;
  }

  /**
   * After the RCPT TOs, when one was accepted: DATA and a three-line message; the reply to the
   * final dot (or to DATA, when DATA is refused) is {@link Result#data()}.
   */
  public SmtpProbe data() {
    data = true;
    return this;
  }

  /** Waits at most this long for the banner (for servers expected to send none). */
  public SmtpProbe bannerTimeout(Duration timeout) {
    bannerTimeout = timeout;
    return this;
  }

  /** Runs the session. */
  public Result run(HarakaServer server) {
    if (server.tree().proxy() == (client.ip() == null)) {
      throw new IllegalArgumentException(server.tree().proxy()
          ? "this server takes PROXY from 127.0.0.1: probe with a client address, not DIRECT"
          : "this server was prepared without PROXY: probe with Client.DIRECT");
    }
    ServerLog log = server.log();
    int mark = log.mark();
    Session s = new Session();
    int localPort = -1;
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress("127.0.0.1", server.port()), (int) SOCKET_TIMEOUT.toMillis());
      plain.setSoTimeout((int) SOCKET_TIMEOUT.toMillis());
      localPort = plain.getLocalPort();
      Conversation c = new Conversation(plain.getInputStream(), plain.getOutputStream());
      if (client.ip() != null) {
        c.write("PROXY TCP4 " + client.ip() + " 127.0.0.1 " + localPort + " " + server.port());
      }
      plain.setSoTimeout((int) bannerTimeout.toMillis());
      s.banner = c.read();
      plain.setSoTimeout((int) SOCKET_TIMEOUT.toMillis());
      if (s.banner.code() != 220) throw new ProbeStop("no 220 banner");
      s.ehloBefore = c.command("EHLO client.example").lines();
      if (xclientAddr != null) {
        s.xclient = c.command("XCLIENT ADDR=" + xclientAddr);
        if (s.xclient.code() == 220) s.ehloBefore = c.command("EHLO client.example").lines();
      }
      if (!rcpts.isEmpty()) {
        s.mailFrom = c.command("MAIL FROM:<" + sender + ">");
        if (s.mailFrom.positive()) {
          for (String r : rcpts) s.rcpts.add(new Rcpt(r, c.command("RCPT TO:<" + r + ">")));
        }
        if (data && s.rcpts.stream().anyMatch(Rcpt::accepted)) {
          s.data = c.command("DATA");
          if (s.data.code() == 354) {
            s.data = c.command("From: <" + sender + ">\r\nSubject: haraka-lint live test\r\n\r\nDiscard me.\r\n.");
          }
        }
        c.command("RSET");
      }
      Socket current = plain;
      if (startTls && s.offersStartTls()) {
        s.starttls = c.command("STARTTLS");
        if (s.starttls.code() == 220) {
          SSLSocket tls = (SSLSocket) trustAll().getSocketFactory().createSocket(plain, "mx.test", server.port(), false);
          tls.setUseClientMode(true);
          if (tlsProtocols != null) tls.setEnabledProtocols(tlsProtocols);
          tls.setSoTimeout((int) SOCKET_TIMEOUT.toMillis());
          tls.startHandshake();
          s.tlsProtocol = tls.getSession().getProtocol();
          s.tlsSuite = tls.getSession().getCipherSuite();
          current = tls;
          c = new Conversation(tls.getInputStream(), tls.getOutputStream());
          s.ehloAfter = c.command("EHLO client.example").lines();
        }
      }
      if (authMethod != null) {
        s.authOverTls = s.tlsProtocol != null;
        s.auth = authenticate(c);
      }
      c.command("QUIT");
      if (current != plain) current.close();
    } catch (ProbeStop | IOException | GeneralSecurityException e) {
      s.error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    List<String> session = xclientAddr != null ? xclientLog(log, mark) : sessionLog(log, mark, localPort);
    return new Result(client, s.banner, s.xclient, s.ehloBefore, s.starttls, s.tlsProtocol, s.tlsSuite, s.ehloAfter, s.auth,
        s.authOverTls, s.mailFrom, List.copyOf(s.rcpts), s.data, session, s.error);
  }

  private Reply authenticate(Conversation c) throws IOException {
    Base64.Encoder b64 = Base64.getEncoder();
    if (authMethod == AuthMethod.PLAIN) {
      String token = b64.encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
      return c.command("AUTH PLAIN " + token);
    }
    Reply r = c.command("AUTH LOGIN");
    if (r.code() != 334) return r;
    r = c.command(b64.encodeToString(user.getBytes(StandardCharsets.UTF_8)));
    if (r.code() != 334) return r;
    return c.command(b64.encodeToString(password.getBytes(StandardCharsets.UTF_8)));
  }

  /** The session's own lines, found through the client's local port; waits for its disconnect line. */
  private static List<String> sessionLog(ServerLog log, int mark, int localPort) {
    if (localPort < 0) return log.since(mark);
    Optional<String> id = log.sessionId(mark, localPort, LOG_WAIT);
    if (id.isEmpty()) return log.since(mark);
    String uuid = id.get();
    log.await(mark, l -> l.contains(uuid) && ServerLog.isDisconnect(l), LOG_WAIT);
    return log.session(uuid);
  }

  /** Every line since {@code mark}, once the (last) disconnect line is there. */
  private static List<String> xclientLog(ServerLog log, int mark) {
    log.await(mark, ServerLog::isDisconnect, LOG_WAIT);
    return log.since(mark);
  }

  /** "250-AUTH PLAIN LOGIN" to "AUTH PLAIN LOGIN" (upper case). */
  static String capability(String ehloLine) {
    String t = ehloLine.length() > 4 ? ehloLine.substring(4) : "";
    return t.trim().toUpperCase(Locale.ROOT);
  }

  private static SSLContext trustAll() throws GeneralSecurityException {
    TrustManager[] tm = {new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // the harness's own throwaway certificate
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // the harness's own throwaway certificate
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }};
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tm, null);
    return ctx;
  }

  /** Mutable state while the session runs. */
  private static final class Session {
    Reply banner = Reply.closed("no banner");
    Reply xclient;
    Reply data;
    List<String> ehloBefore = List.of();
    List<String> ehloAfter = List.of();
    Reply starttls;
    String tlsProtocol;
    String tlsSuite;
    Reply auth;
    boolean authOverTls;
    Reply mailFrom;
    final List<Rcpt> rcpts = new ArrayList<>();
    String error;

    boolean offersStartTls() {
      return ehloBefore.stream().map(SmtpProbe::capability).anyMatch(c -> c.equals("STARTTLS"));
    }
  }

  /** Line-by-line SMTP over unbuffered streams, so nothing is read past the reply to STARTTLS. */
  private static final class Conversation {
    private final InputStream in;
    private final OutputStream out;

    Conversation(InputStream in, OutputStream out) {
      this.in = in;
      this.out = out;
    }

    void write(String line) throws IOException {
      out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    Reply command(String line) throws IOException {
      write(line);
      return read();
    }

    Reply read() throws IOException {
      List<String> lines = new ArrayList<>();
      while (true) {
        String l = readLine();
        if (l == null) return lines.isEmpty() ? Reply.closed("connection closed") : new Reply(code(lines.get(0)), lines);
        lines.add(l);
        if (l.length() < 4 || l.charAt(3) != '-') return new Reply(code(lines.get(0)), List.copyOf(lines));
        if (lines.size() > 100) throw new IOException("reply longer than 100 lines");
      }
    }

    private String readLine() throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      while (true) {
        int c = in.read();
        if (c < 0) return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
        if (c == '\n') break;
        if (c != '\r') b.write(c);
        if (b.size() > 4096) throw new IOException("line longer than 4096 bytes");
      }
      return b.toString(StandardCharsets.UTF_8);
    }

    private static int code(String line) {
      try {
        return Integer.parseInt(line.substring(0, Math.min(3, line.length())));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }

  /** Ends a session early (no banner). */
  private static final class ProbeStop extends Exception {
    private static final long serialVersionUID = 1L;

    ProbeStop(String message) {
      super(message);
    }
  }
}
