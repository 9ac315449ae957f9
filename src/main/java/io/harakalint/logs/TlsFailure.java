package io.harakalint.logs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kinds of failed TLS handshakes Haraka logs as {@code client connection error: Error: …:SSL
 * routines:<function>:<reason>:…} (Node's OpenSSL 3 texts, as the compat engine predicts them).
 */
public enum TlsFailure {
  UNSUPPORTED_PROTOCOL("unsupported protocol", "the client offers only TLS versions below the server's floor"),
  NO_SIGNATURE_ALGORITHM("no suitable signature algorithm",
      "the client accepts only signatures (SHA-1, MD5) the server's security level forbids"),
  NO_SHARED_CIPHER("no shared cipher", "no cipher suite the client offers is enabled on the server"),
  CLIENT_ABORT("client abort", "the client ended the handshake with an alert (it refused the server's certificate or parameters)"),
  OTHER("other", "another TLS error");

  private static final Pattern SSL_ROUTINE = Pattern.compile("SSL routines:([A-Za-z0-9_]{1,64}):([A-Za-z0-9 _]{1,80})");

  private final String label;
  private final String meaning;

  TlsFailure(String label, String meaning) {
    this.label = label;
    this.meaning = meaning;
  }

  public String label() {
    return label;
  }

  public String meaning() {
    return meaning;
  }

  /**
   * The OpenSSL text ({@code SSL routines:function:reason}) out of a log message, or null when the
   * message holds none. Only these two identifiers are kept: never the rest of a log line.
   */
  static String sslRoutine(String message) {
    int i = message.indexOf("SSL routines:");
    if (i < 0) return null;
    Matcher m = SSL_ROUTINE.matcher(message);
    if (!m.find(i)) return null;
    return "SSL routines:" + m.group(1) + ":" + m.group(2).trim();
  }

  /** The kind of an OpenSSL text from {@link #sslRoutine}. */
  static TlsFailure of(String routine) {
    if (routine.endsWith(":unsupported protocol")) return UNSUPPORTED_PROTOCOL;
    if (routine.endsWith(":no suitable signature algorithm")) return NO_SIGNATURE_ALGORITHM;
    if (routine.endsWith(":no shared cipher")) return NO_SHARED_CIPHER;
    // "ssl3_read_bytes:tlsv1 alert unknown ca", "sslv3 alert bad certificate": the peer's alert.
    if (routine.contains(" alert ")) return CLIENT_ABORT;
    return OTHER;
  }
}
