package io.harakalint.logs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one client address did in the logs, as counters (the memory per address is fixed, whatever
 * the log's size). Sessions are attributed to the address Haraka ended them with (after PROXY or
 * XCLIENT), not the peer that opened the socket.
 */
public final class IpActivity {
  private final String ip;
  private LogPosition first;
  private LogPosition last;
  private int sessions;
  private final int[] tlsFailures = new int[TlsFailure.values().length];
  private final String[] tlsRoutines = new String[TlsFailure.values().length];
  private int tlsOk;
  private final Set<String> tlsVersions = new LinkedHashSet<>(2);
  private int aclSessions;
  private int aclRelays;
  private long aclRecipients;
  private LogPosition aclFirst;
  private LogPosition aclLast;
  private int authFailures;
  private int authSuccesses;
  private int authClearText;
  private int refusedRelays;
  private long refusedRecipients;
  private LogPosition refusedLast;

  IpActivity(String ip) {
    this.ip = ip;
  }

  void add(SessionState s, LogPosition end) {
    if (first == null) first = s.start != null ? s.start : end;
    last = end;
    sessions++;
    if (s.tlsFailure != null) {
      tlsFailures[s.tlsFailure.ordinal()]++;
      if (tlsRoutines[s.tlsFailure.ordinal()] == null) tlsRoutines[s.tlsFailure.ordinal()] = s.tlsRoutine;
    }
    if (s.tlsVersion != null) {
      tlsOk++;
      if (tlsVersions.size() < 4) tlsVersions.add(s.tlsVersion);
    }
    if (s.aclOk) {
      aclSessions++;
      if (s.relay && s.acceptedRcpts > 0) {
        aclRelays++;
        aclRecipients += s.acceptedRcpts;
        if (aclFirst == null) aclFirst = end;
        aclLast = end;
      }
    }
    authFailures += s.authFailures;
    int successes = Math.max(0, s.authAttempts - s.authFailures);
    authSuccesses += successes;
    authClearText += s.authClearText;
    if (s.relayRefused) {
      refusedRelays++;
      refusedRecipients += Math.max(1, s.rejectedRcpts);
      refusedLast = end;
    }
  }

  public String ip() {
    return ip;
  }

  public LogPosition first() {
    return first;
  }

  public LogPosition last() {
    return last;
  }

  public int sessions() {
    return sessions;
  }

  public int tlsFailures(TlsFailure kind) {
    return tlsFailures[kind.ordinal()];
  }

  public int tlsFailureTotal() {
    int n = 0;
    for (int f : tlsFailures) n += f;
    return n;
  }

  /** The kinds that occurred, most frequent first. */
  public List<TlsFailure> tlsFailureKinds() {
    List<TlsFailure> out = new ArrayList<>();
    for (TlsFailure k : TlsFailure.values()) if (tlsFailures[k.ordinal()] > 0) out.add(k);
    out.sort((a, b) -> Integer.compare(tlsFailures[b.ordinal()], tlsFailures[a.ordinal()]));
    return out;
  }

  /** The OpenSSL text Haraka logged for that kind (the first seen). */
  public String tlsRoutine(TlsFailure kind) {
    return tlsRoutines[kind.ordinal()];
  }

  public int tlsOk() {
    return tlsOk;
  }

  public Set<String> tlsVersions() {
    return tlsVersions;
  }

  public int aclSessions() {
    return aclSessions;
  }

  public int aclRelays() {
    return aclRelays;
  }

  public long aclRecipients() {
    return aclRecipients;
  }

  public LogPosition aclFirst() {
    return aclFirst;
  }

  public LogPosition aclLast() {
    return aclLast;
  }

  public int authFailures() {
    return authFailures;
  }

  public int authSuccesses() {
    return authSuccesses;
  }

  public int authClearText() {
    return authClearText;
  }

  public int refusedRelays() {
    return refusedRelays;
  }

  public long refusedRecipients() {
    return refusedRecipients;
  }

  public LogPosition refusedLast() {
    return refusedLast;
  }
}
