package io.harakalint.logs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Streams Haraka log lines into per-address counters. Memory is bounded: at most
 * {@link #MAX_OPEN_SESSIONS} sessions wait for their disconnect line (the oldest is closed early when
 * more open), and at most {@code maxIps} addresses are tracked (sessions of further addresses are only
 * counted). Raw lines are never kept: only counters, positions, validated addresses and OpenSSL
 * routine names leave this class, so an AUTH blob or a password in a debug line cannot reach a report.
 *
 * <p>The lines it understands (Haraka 3.3.4 and 2.8.28, {@code connection.js}, {@code plugins.js},
 * {@code plugins/tls.js}, {@code plugins/auth/auth_base.js}; checked by LogsLiveTest):
 * {@code connect ip=…}; {@code HAProxy … src_ip=IP:PORT}; {@code hook=connect_init plugin=relay
 * function=acl … retval=OK}; {@code [tls] secured: … version=…}; {@code client connection error: …SSL
 * routines:f:reason…}; {@code hook=unrecognized_command plugin=auth/… params=AUTH}; {@code [auth/…]
 * delaying for N seconds} (a failed AUTH); {@code disconnect ip=… relay=Y|N … rcpts=A/T/R … lr="…"}.
 */
public final class LogAnalyzer {
  public static final int DEFAULT_MAX_IPS = 50_000;
  static final int MAX_OPEN_SESSIONS = 20_000;
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]{1,44}");
  private static final Pattern TLS_VERSION = Pattern.compile("(TLSv1(\\.[0-3])?|SSLv3)");
  private static final Pattern RCPTS = Pattern.compile("\\d{1,9}/\\d{1,9}/\\d{1,9}");

  private final int maxIps;
  private final LogLineParser parser = new LogLineParser();
  private final LinkedHashMap<String, SessionState> open = new LinkedHashMap<>();
  private final Map<String, IpActivity> ips = new LinkedHashMap<>();
  private final List<LogSummary.Source> sources = new ArrayList<>();
  private final Map<String, Long> formats = new TreeMap<>();
  private long lines;
  private long unknown;
  private long malformed;
  private long firstTime = -1;
  private long lastTime = -1;
  private long sessions;
  private long unfinished;
  private long overflowSessions;

  public LogAnalyzer(int maxIps) {
    if (maxIps < 1) throw new IllegalArgumentException("maxIps must be positive");
    this.maxIps = maxIps;
  }

  /** Reads one log to its end. */
  public void read(LogInput in) throws IOException {
    long n = 0;
    for (String line; (line = in.readLine()) != null; ) {
      n++;
      if (in.lastLineTooLong()) {
        lines++;
        malformed++;
        continue;
      }
      accept(in.name(), n, line);
    }
    sources.add(new LogSummary.Source(in.name(), in.gzip(), n));
  }

  /** One line ({@code lineNo} is 1-based in {@code file}). */
  public void accept(String file, long lineNo, String line) {
    lines++;
    LogRecord r = parser.parse(line);
    if (r == null) {
      if (parser.lastKind() == LogLineParser.Kind.MALFORMED) malformed++;
      else unknown++;
      return;
    }
    formats.merge(parser.lastKind().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
    if (r.epochMillis() >= 0) {
      if (firstTime < 0 || r.epochMillis() < firstTime) firstTime = r.epochMillis();
      if (r.epochMillis() > lastTime) lastTime = r.epochMillis();
    }
    if (r.hasSession()) onSessionLine(r, new LogPosition(file, lineNo, r.epochMillis()));
  }

  private void onSessionLine(LogRecord r, LogPosition at) {
    String msg = r.message();
    String id = r.session();
    if (r.origin().equals("core") && (msg.equals("connect") || msg.startsWith("connect ip="))) {
      SessionState s = new SessionState();
      s.start = at;
      s.ip = ip(r.field("ip"));
      openSession(id, s);
      return;
    }
    SessionState s = open.get(id);
    if (s == null) {
      // The session began before the first line read (a log cut at rotation): follow it from here.
      s = new SessionState();
      s.start = at;
      openSession(id, s);
    }
    if (msg.startsWith("HAProxy")) {
      String src = r.field("src_ip");
      if (src != null && src.lastIndexOf(':') > 0) s.ip = ip(src.substring(0, src.lastIndexOf(':')));
    } else if (msg.startsWith("client connection error: ")) {
      String routine = TlsFailure.sslRoutine(msg);
      if (routine != null && s.tlsVersion == null && s.tlsFailure == null) {
        s.tlsFailure = TlsFailure.of(routine);
        s.tlsRoutine = routine;
      }
    } else if (r.origin().equals("tls") && msg.startsWith("secured:")) {
      String v = KeyValues.find(msg, "version");
      s.tlsVersion = v != null && TLS_VERSION.matcher(v).matches() ? v : "TLS";
    } else if (r.origin().startsWith("auth") && msg.startsWith("delaying for ")) {
      s.authFailures++;
    } else if (msg.isEmpty() || msg.startsWith(" hook=") || msg.startsWith("hook=")) {
      hook(r, s);
    } else if (msg.equals("disconnect") || msg.startsWith("disconnect ip=")) {
      disconnect(r, s, at);
      open.remove(id);
    }
  }

  private static void hook(LogRecord r, SessionState s) {
    String plugin = r.field("plugin");
    if (plugin == null) return;
    if (plugin.equals("relay") && "acl".equals(r.field("function")) && "OK".equals(r.field("retval"))) {
      s.aclOk = true;
    } else if (plugin.startsWith("auth") && "unrecognized_command".equals(r.field("hook"))
        && "AUTH".equalsIgnoreCase(r.field("params"))) {
      s.authAttempts++;
      if (s.tlsVersion == null) s.authClearText++;
    }
  }

  private void disconnect(LogRecord r, SessionState s, LogPosition at) {
    String ip = ip(r.field("ip"));
    if (ip != null) s.ip = ip;
    s.relay = "Y".equals(r.field("relay"));
    String rcpts = r.field("rcpts");
    if (rcpts != null && RCPTS.matcher(rcpts).matches()) {
      String[] p = rcpts.split("/");
      s.acceptedRcpts = Integer.parseInt(p[0]);
      s.rejectedRcpts = Integer.parseInt(p[2]);
    }
    String lr = r.field("lr");
    s.relayRefused = !s.relay && lr != null && isRelayRefusal(lr);
    close(s, at);
  }

  /** The replies that mean "you may not relay": core's CONT without relaying, the relay plugin's denials. */
  static boolean isRelayRefusal(String reply) {
    String l = reply.toLowerCase(Locale.ROOT);
    return l.contains("cannot deliver mail for") || l.contains("not allowed to relay") || l.contains("relaying denied");
  }

  private void openSession(String id, SessionState s) {
    SessionState before = open.put(id, s);
    if (before != null) closeUnfinished(before);
    if (open.size() > MAX_OPEN_SESSIONS) {
      Iterator<SessionState> oldest = open.values().iterator();
      SessionState o = oldest.next();
      oldest.remove();
      closeUnfinished(o);
    }
  }

  private void closeUnfinished(SessionState s) {
    unfinished++;
    close(s, s.start);
  }

  private void close(SessionState s, LogPosition end) {
    if (s.ip == null) return; // never learned its address: nothing to attribute
    sessions++;
    IpActivity a = ips.get(s.ip);
    if (a == null) {
      if (ips.size() >= maxIps) {
        overflowSessions++;
        return;
      }
      a = new IpActivity(s.ip);
      ips.put(s.ip, a);
    }
    a.add(s, end);
  }

  /** An address as Haraka logs it, or null for anything else (the field is then ignored, never echoed). */
  static String ip(String text) {
    if (text == null || !IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) return null;
    return text.startsWith("::ffff:") && text.indexOf('.') > 0 ? text.substring(7) : text;
  }

  /** Ends the reading: sessions still open count as unfinished. */
  public LogSummary finish() {
    for (SessionState s : open.values()) closeUnfinished(s);
    open.clear();
    return new LogSummary(List.copyOf(sources), Map.copyOf(formats), lines, unknown, malformed, firstTime, lastTime,
        sessions, unfinished, maxIps, overflowSessions, List.copyOf(ips.values()));
  }
}
