package io.harakalint.report;

import io.harakalint.logs.AclUse;
import io.harakalint.logs.Decision;
import io.harakalint.logs.IpActivity;
import io.harakalint.logs.IpReport;
import io.harakalint.logs.LogPosition;
import io.harakalint.logs.LogSummary;
import io.harakalint.logs.LogsReport;
import io.harakalint.logs.TlsFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code haraka-lint logs} as plain maps and lists with stable keys: the JSON contract (documented
 * in the README) and the model of the Markdown and HTML templates, so both say the same thing.
 * Everything in it is a count, a position, a validated address, an OpenSSL routine name, or text
 * haraka-lint wrote; never a raw log line.
 */
public final class LogsView {
  /** The version of the JSON layout; raised when a key changes meaning or disappears. */
  public static final int SCHEMA = 1;

  private LogsView() {}

  public static Map<String, Object> of(LogsReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", SCHEMA);
    m.put("tool", "haraka-lint " + ToolVersion.get());
    m.put("config", r.config());
    m.put("today", r.today());
    m.put("window", r.window());
    m.put("summary", summary(r.summary()));
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("tlsFailures", r.thresholds().tlsFailures());
    t.put("authFailures", r.thresholds().authFailures());
    t.put("heavyUse", r.thresholds().heavyUse());
    t.put("expiryDays", r.thresholds().expiryDays());
    m.put("thresholds", t);
    m.put("actions", r.decisions().stream().filter(Decision::acts).count());
    m.put("omittedDecisions", new LinkedHashMap<>(new java.util.TreeMap<>(r.omitted())));
    List<Object> ds = new ArrayList<>();
    for (Decision d : r.decisions()) ds.add(decision(d));
    m.put("decisions", ds);
    List<Object> acl = new ArrayList<>();
    for (AclUse a : r.acl()) acl.add(acl(a));
    m.put("acl", acl);
    List<Object> clients = new ArrayList<>();
    for (IpReport c : r.clients()) clients.add(client(c));
    m.put("clients", clients);
    return m;
  }

  private static Map<String, Object> summary(LogSummary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Object> sources = new ArrayList<>();
    for (LogSummary.Source src : s.sources()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("name", src.name());
      x.put("gzip", src.gzip());
      x.put("lines", src.lines());
      sources.add(x);
    }
    m.put("sources", sources);
    m.put("lines", s.lines());
    m.put("formats", new LinkedHashMap<>(new java.util.TreeMap<>(s.formats())));
    m.put("unknownLines", s.unknown());
    m.put("malformedLines", s.malformed());
    m.put("firstTime", s.hasTimestamps() ? Instant.ofEpochMilli(s.firstTime()).toString() : null);
    m.put("lastTime", s.hasTimestamps() ? Instant.ofEpochMilli(s.lastTime()).toString() : null);
    m.put("sessions", s.sessions());
    m.put("unfinishedSessions", s.unfinished());
    m.put("addresses", s.ips().size());
    m.put("maxAddresses", s.maxIps());
    m.put("sessionsBeyondCap", s.overflowSessions());
    return m;
  }

  private static Map<String, Object> decision(Decision d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", d.kind());
    m.put("level", d.level());
    m.put("subject", d.subject());
    m.put("where", d.where());
    m.put("owner", d.owner());
    m.put("text", d.text());
    return m;
  }

  private static Map<String, Object> acl(AclUse a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("entry", a.entry());
    m.put("where", a.where());
    m.put("relays", a.relays());
    m.put("recipients", a.recipients());
    m.put("first", position(a.first()));
    m.put("last", position(a.last()));
    m.put("clients", a.clients());
    if (a.waiver() == null) {
      m.put("waiver", null);
    } else {
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("name", a.waiver().name());
      w.put("rule", a.waiver().rule());
      w.put("owner", a.waiver().owner());
      w.put("expires", a.waiver().expires());
      w.put("where", a.waiver().where());
      m.put("waiver", w);
    }
    return m;
  }

  private static Map<String, Object> client(IpReport c) {
    IpActivity a = c.activity();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ip", c.ip());
    m.put("private", c.isPrivate());
    m.put("sessions", a.sessions());
    m.put("first", position(a.first()));
    m.put("last", position(a.last()));
    Map<String, Object> tls = new LinkedHashMap<>();
    tls.put("ok", a.tlsOk());
    tls.put("versions", List.copyOf(a.tlsVersions()));
    Map<String, Object> failures = new LinkedHashMap<>();
    for (TlsFailure k : TlsFailure.values()) {
      if (a.tlsFailures(k) == 0) continue;
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("count", a.tlsFailures(k));
      f.put("openssl", a.tlsRoutine(k));
      failures.put(k.label(), f);
    }
    tls.put("failures", failures);
    tls.put("failuresText", c.tlsFailures());
    tls.put("likelyProfiles", c.likelyProfiles());
    tls.put("change", c.tlsChange());
    m.put("tls", tls);
    Map<String, Object> relay = new LinkedHashMap<>();
    relay.put("aclSessions", a.aclSessions());
    relay.put("aclRelays", a.aclRelays());
    relay.put("aclRecipients", a.aclRecipients());
    relay.put("aclFirst", position(a.aclFirst()));
    relay.put("aclLast", position(a.aclLast()));
    relay.put("refused", a.refusedRelays());
    relay.put("refusedRecipients", a.refusedRecipients());
    m.put("relay", relay);
    Map<String, Object> auth = new LinkedHashMap<>();
    auth.put("failures", a.authFailures());
    auth.put("successes", a.authSuccesses());
    auth.put("clearText", a.authClearText());
    m.put("auth", auth);
    m.put("exception", c.exception());
    List<Object> ds = new ArrayList<>();
    for (Decision d : c.decisions()) ds.add(decision(d));
    m.put("decisions", ds);
    return m;
  }

  private static Map<String, Object> position(LogPosition p) {
    if (p == null) return null;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", p.file());
    m.put("line", p.line());
    m.put("time", p.epochMillis() >= 0 ? Instant.ofEpochMilli(p.epochMillis()).toString() : null);
    m.put("at", p.toString());
    return m;
  }
}
