package io.harakalint.tls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Predicts, for a Haraka inbound TLS configuration and a Node line, which clients complete the handshake,
 * following the decision table of tls-clients.md §4 (start-up C1-C3, per client R1-R6). Suite lists are
 * computed with OpenSSL 3.0's rules ({@link OpensslCipherString}) on every line; the 3.5 lines differ in
 * the rules R2 and the default security level, which is what decides the outcomes tabulated in §4.5.
 */
public final class HandshakePredictor {
  public static final String UNSUPPORTED_PROTOCOL =
      "SSL routines:tls_early_post_process_client_hello:unsupported protocol";
  public static final String NO_SUITABLE_SIGALG = "SSL routines:tls_choose_sigalg:no suitable signature algorithm";
  public static final String NO_SHARED_CIPHER = "SSL routines:tls_post_process_client_hello:no shared cipher";

  /** OpenSSL 3.0's default supported groups ({@code ecdhCurve=auto}). */
  private static final Set<String> SERVER_GROUPS = Set.of("x25519", "secp256r1", "x448", "secp521r1", "secp384r1");

  private final NodeRuntime node;
  private final ServerTlsConfig config;
  private final List<String> serverSteps = new ArrayList<>();
  private String startupError;
  private TlsProtocol minVersion = TlsProtocol.TLSv1_2;
  private int secLevel;
  private List<CipherSuite> tls12 = List.of();
  private List<CipherSuite> tls13 = List.of();

  public HandshakePredictor(NodeRuntime node, ServerTlsConfig config) {
    this.node = node;
    this.config = config;
    this.secLevel = node.defaultSecLevel();
    configure();
  }

  /** Haraka fails at start-up with this message (no client can connect), or null. */
  public String startupError() {
    return startupError;
  }

  public List<String> serverSteps() {
    return List.copyOf(serverSteps);
  }

  public int securityLevel() {
    return secLevel;
  }

  public TlsProtocol minVersion() {
    return minVersion;
  }

  /** The server's TLS 1.2-and-below suites in its order (before per-client filtering). */
  public List<CipherSuite> tls12Suites() {
    return tls12;
  }

  public List<CipherSuite> tls13Suites() {
    return tls13;
  }

  private void configure() {
    serverSteps.add("Node " + node.describe() + ": OpenSSL line " + node.opensslLine() + ", default security level "
        + node.defaultSecLevel());
    if (config.secureProtocol().isPresent() && config.minVersion().isPresent()) {
      startupError = "ERR_TLS_PROTOCOL_VERSION_CONFLICT: minVersion and secureProtocol are both set";
      serverSteps.add("C1: " + startupError);
      return;
    }
    if (config.minVersion().isPresent()) {
      Optional<TlsProtocol> v = TlsProtocol.ofNodeName(config.minVersion().get());
      if (v.isEmpty()) {
        startupError = "ERR_TLS_INVALID_PROTOCOL_VERSION: minVersion '" + config.minVersion().get()
            + "' is not one of TLSv1, TLSv1.1, TLSv1.2, TLSv1.3";
        serverSteps.add("C3: " + startupError);
        return;
      }
      minVersion = v.get();
      serverSteps.add("minVersion=" + minVersion + " (tls.ini)");
    } else {
      serverSteps.add("minVersion=TLSv1.2 (Node's default; tls.ini sets none)");
    }
    String ciphers = config.ciphers().filter(s -> !s.isEmpty()).orElse(NodeRuntime.DEFAULT_CIPHERS);
    serverSteps.add(config.ciphers().filter(s -> !s.isEmpty()).isPresent() ? "ciphers from tls.ini"
        : "ciphers: Node's default list");
    // Node's processCiphers: names starting TLS_ are TLS 1.3 suites, the rest is the OpenSSL cipher list.
    List<String> list = new ArrayList<>();
    List<CipherSuite> suites13 = new ArrayList<>();
    for (String part : ciphers.split(":")) {
      if (part.isEmpty()) continue;
      if (part.startsWith("TLS_")) {
        CipherTable.get().byName(part).filter(CipherSuite::tls13).ifPresent(suites13::add);
      } else {
        list.add(part);
      }
    }
    tls13 = suites13.isEmpty() ? CipherTable.get().defaultTls13() : List.copyOf(new LinkedHashSet<>(suites13));
    OpensslCipherString.Result r = OpensslCipherString.evaluate(String.join(":", list));
    if (!r.ok() && !list.isEmpty()) {
      startupError = "ERR_SSL_" + r.error().toUpperCase(Locale.ROOT).replace(' ', '_') + ": ciphers '"
          + String.join(":", list) + "': " + r.error() + " (3DES, RC4, DES and EXPORT suites are never available)";
      serverSteps.add("C2: " + startupError);
      return;
    }
    secLevel = r.effectiveSecLevel(node.defaultSecLevel());
    tls12 = r.suites();
    serverSteps.add("security level " + secLevel + (r.secLevel().isPresent() ? " (@SECLEVEL in ciphers)" : " (default)"));
    if (config.dhBits() < 1024) {
      startupError = "ERR_INVALID_ARG_VALUE: DH parameter is less than 1024 bits (dhparam " + config.dhBits() + " bits)";
      serverSteps.add("C4: " + startupError);
      return;
    }
    if (config.dhBits() < 2048 && secLevel >= 2 && node.opensslLine().equals("3.5")) {
      startupError = "ERR_CRYPTO_OPERATION_FAILED: Error setting temp DH parameter (dhparam " + config.dhBits()
          + " bits at security level " + secLevel + ")";
      serverSteps.add("C5: " + startupError);
      return;
    }
    if (config.dhBits() < 2048) {
      serverSteps.add("C6: Node warns 'SecurityWarning: DH parameter is less than 2048 bits'");
    }
    serverSteps.add("TLS 1.2-and-below suites (" + tls12.size() + "): " + names(tls12, 8));
    serverSteps.add("TLS 1.3 suites: " + names(tls13, 5));
    serverSteps.add("honorCipherOrder=" + config.honorCipherOrder() + ", dhparam " + config.dhBits()
        + " bits, RSA certificate assumed");
  }

  private static String names(List<CipherSuite> l, int max) {
    List<String> n = new ArrayList<>();
    for (int i = 0; i < Math.min(max, l.size()); i++) n.add(l.get(i).name());
    return String.join(":", n) + (l.size() > max ? ":... (" + (l.size() - max) + " more)" : "");
  }

  public List<Prediction> predict(List<ClientProfile> clients) {
    List<Prediction> out = new ArrayList<>();
    for (ClientProfile c : clients) out.add(predict(c));
    return out;
  }

  public Prediction predict(ClientProfile c) {
    List<String> steps = new ArrayList<>(serverSteps);
    if (startupError != null) {
      return new Prediction(c, false, null, null, null, null, "Haraka does not start: " + startupError, steps);
    }
    steps.add("client " + c.id() + " offers " + c.protocols() + (c.sslv2Hello() ? " (SSLv2-compatible hello)" : "")
        + ", " + c.suites().size() + " suites" + (c.tls13Suites().isEmpty() ? "" : " + TLS 1.3 " + c.tls13Suites()));
    // Version negotiation: the highest version both accept. OpenSSL 3.0 also refuses TLS 1.0 from level 3
    // and TLS 1.1 from level 4 (SSL_SECOP_VERSION).
    TlsProtocol floor = minVersion;
    TlsProtocol secFloor = OpensslCipherString.lowestVersionAt(secLevel);
    if (secFloor.wire() > floor.wire()) floor = secFloor;
    TlsProtocol version = null;
    for (TlsProtocol p : c.protocols()) {
      if (p == TlsProtocol.TLSv1_3 && c.tls13Suites().isEmpty()) continue;
      if (p.atLeast(floor) && (version == null || p.atLeast(version))) version = p;
    }
    if (version == null) {
      steps.add("R1: the client's highest version " + c.maxProtocol() + " is below the server's floor " + floor);
      return fail(c, steps, UNSUPPORTED_PROTOCOL, "offers at most " + c.maxProtocol() + ", server requires "
          + floor + (floor == minVersion ? " (minVersion)" : " (security level " + secLevel + ")"));
    }
    steps.add("negotiated version " + version);
    boolean legacy = !version.atLeast(TlsProtocol.TLSv1_2);
    if (legacy && secLevel >= 1 && !node.openssl30()) {
      steps.add("R2: OpenSSL 3.5 (Node " + node.describe() + ") refuses " + version + " at security level " + secLevel);
      return fail(c, steps, UNSUPPORTED_PROTOCOL, version + " needs @SECLEVEL=0 on OpenSSL 3.5 (security level "
          + secLevel + ")");
    }
    if (version == TlsProtocol.TLSv1_3) {
      for (CipherSuite s : config.honorCipherOrder() ? tls13 : clientOrder13(c)) {
        if (c.tls13Suites().contains(s.name()) && tls13.contains(s)) {
          steps.add("R8: TLS 1.3 suite " + s.name());
          return new Prediction(c, true, "TLSv1.3", s.name(), "TLSv1.3 " + s.name(), null, "TLSv1.3 " + s.name(),
              steps);
        }
      }
      steps.add("R3: no TLS 1.3 suite in common");
      return fail(c, steps, NO_SHARED_CIPHER, "no TLS 1.3 suite in common");
    }
    boolean ecdheOk = c.groups().isEmpty() || c.groups().stream().map(HandshakePredictor::group)
        .anyMatch(SERVER_GROUPS::contains);
    List<CipherSuite> server = new ArrayList<>();
    for (CipherSuite s : tls12) {
      if (legacy && !s.legalBelowTls12()) continue;
      if (!OpensslCipherString.allowedAt(s, secLevel)) continue;
      if (s.kx().endsWith("PSK") || s.kx().equals("SRP") || s.au().equals("PSK") || s.au().equals("SRP")) continue;
      if (!(s.au().equals("RSA") || s.au().equals("None"))) continue;
      if (s.ecdhe() && !ecdheOk) continue;
      server.add(s);
    }
    Set<String> offered = new LinkedHashSet<>(c.suites());
    CipherSuite chosen = null;
    if (config.honorCipherOrder()) {
      for (CipherSuite s : server) if (offered.contains(s.name())) { chosen = s; break; }
    } else {
      outer:
      for (String n : c.suites()) for (CipherSuite s : server) if (s.name().equals(n)) { chosen = s; break outer; }
    }
    if (chosen == null) {
      steps.add("R3: none of the client's suites is among the server's " + server.size() + " usable "
          + (legacy ? version + " (CBC-SHA1)" : version) + " suites with an RSA certificate");
      return fail(c, steps, NO_SHARED_CIPHER, "no suite in common for " + version
          + (legacy ? " (the client offers no AES-CBC-SHA1 suite Node has; 3DES/RC4 are unavailable)" : ""));
    }
    steps.add("chosen suite " + chosen.name() + " (" + (config.honorCipherOrder() ? "server" : "client") + " order)");
    if (legacy && secLevel >= 1) {
      steps.add("R4: OpenSSL 3.0 allows no SHA-1/MD5 signature for " + version + " at security level " + secLevel);
      return fail(c, steps, NO_SUITABLE_SIGALG, version + " needs SHA-1 signatures, refused at security level "
          + secLevel + "; add @SECLEVEL=0 to ciphers");
    }
    if (chosen.dhe() && c.maxDhBits() > 0 && config.dhBits() > c.maxDhBits()) {
      steps.add("R5: " + chosen.name() + " with a " + config.dhBits() + "-bit dhparam; the client accepts at most "
          + c.maxDhBits());
      return new Prediction(c, false, null, null, version + " " + chosen.name(), null, "client aborts: DH "
          + config.dhBits() + " bits > its maximum " + c.maxDhBits() + " (server picked " + chosen.name() + ")", steps);
    }
    if (chosen.dhe() && c.minDhBits() > 0 && config.dhBits() < c.minDhBits()) {
      steps.add("R6: DH " + config.dhBits() + " bits < the client's minimum " + c.minDhBits());
      return new Prediction(c, false, null, null, version + " " + chosen.name(), null, "client aborts: DH "
          + config.dhBits() + " bits < its minimum " + c.minDhBits() + " (server picked " + chosen.name() + ")", steps);
    }
    steps.add("R8: ok");
    return new Prediction(c, true, version.label(), chosen.name(), version + " " + chosen.name(), null,
        version + " " + chosen.name() + " (" + chosen.kxLabel() + (chosen.dhe() ? " " + config.dhBits() + " bits" : "") + ")", steps);
  }

  private List<CipherSuite> clientOrder13(ClientProfile c) {
    List<CipherSuite> out = new ArrayList<>();
    for (String n : c.tls13Suites()) CipherTable.get().byName(n).ifPresent(out::add);
    return out;
  }

  private static String group(String g) {
    String s = g.toLowerCase(Locale.ROOT);
    return s.equals("prime256v1") ? "secp256r1" : s;
  }

  private static Prediction fail(ClientProfile c, List<String> steps, String serverError, String reason) {
    return new Prediction(c, false, null, null, null, serverError, reason, steps);
  }
}
