package io.harakalint.logs;

/** What the analyzer remembers about one open SMTP session until its disconnect line. */
final class SessionState {
  LogPosition start;
  String ip;
  boolean aclOk;
  String tlsVersion;
  TlsFailure tlsFailure;
  String tlsRoutine;
  int authAttempts;
  int authFailures;
  int authClearText;
  boolean relay;
  int acceptedRcpts;
  int rejectedRcpts;
  boolean relayRefused;
}
