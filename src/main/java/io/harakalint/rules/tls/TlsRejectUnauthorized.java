package io.harakalint.rules.tls;

import io.harakalint.model.IniFile;
import io.harakalint.model.IniProperty;
import io.harakalint.model.IniValue;
import io.harakalint.model.TlsIni;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** See rules/HL307.md. */
public final class TlsRejectUnauthorized implements Rule {
  public static final RuleMeta META = new RuleMeta("HL307", "rejectUnauthorized demands a client certificate from every TLS sender",
      Severity.HIGH, Category.TLS_AUTH, "all", Set.of("tls", "rejectUnauthorized", "client-certificates"), false,
      "With rejectUnauthorized=true (or port 25 in requireAuthorized[]) Node rejects every STARTTLS or SMTPS client that does not present a certificate signed by a CA Haraka trusts; MTAs and mail clients almost never do, so their TLS handshakes fail (haraka/Haraka#2684), and [outbound] inherits [main]'s value, so Haraka's own deliveries start failing on unverifiable certificates too.",
      "Remove rejectUnauthorized=true; to require client certificates only on a port reserved for them (465 or 587), list that port in requireAuthorized[]; if outbound verification is wanted, set it in [outbound] or use force_tls_hosts[].");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    TlsIni tls = ctx.tree().tls();
    IniFile f = tls.file();
    // Node: rejectUnauthorized "only has an effect if requestCert is true" (server side).
    boolean requestCert = tls.inbound("requestCert").map(p -> p.value().isTruthy()).orElse(true);
    Optional<IniProperty> ru = tls.inbound("rejectUnauthorized").filter(p -> !p.isDefault() && p.value().isTruthy());
    if (ru.isPresent()) {
      IniProperty p = ru.get();
      // outbound/tls.js inherits from [main] only, and only when [outbound] leaves the key unset.
      boolean outbound = p.section().equals("main") && f.get("outbound", "rejectUnauthorized").isEmpty();
      String outText = outbound ? "; [outbound] inherits it, so deliveries to servers whose certificate does not verify"
          + " (self-signed, expired, wrong name) fail their TLS upgrade too" : "";
      if (requestCert) {
        ctx.report(p.span(), "reject-unauthorized:" + p.section(),
            "[" + p.section() + "] rejectUnauthorized=true: every STARTTLS and SMTPS client must present a certificate"
                + " signed by a CA Haraka trusts, so MTAs and mail clients without one fail the handshake" + outText + ".");
      } else if (outbound) {
        ctx.report(p.span(), "reject-unauthorized:" + p.section(),
            "[main] rejectUnauthorized=true does nothing inbound because requestCert is false, but [outbound] inherits it:"
                + " deliveries to servers whose certificate does not verify (self-signed, expired, wrong name) fail their TLS upgrade.",
            Severity.MEDIUM);
      }
      return;
    }
    if (!requestCert) return;
    for (IniValue.Element e : requireAuthorized(f)) {
      if (e.value() instanceof IniValue.Num n && n.value() == 25) {
        ctx.report(e.entry().valueSpan(), "require-authorized:25",
            "requireAuthorized lists port 25, where other mail servers deliver: every sender using STARTTLS there must"
                + " present a CA-signed client certificate, which MTAs almost never do, so their TLS handshakes fail.");
      }
    }
  }

  /** requireAuthorized[] or a scalar requireAuthorized, which tls_socket.js wraps into a one-item list. */
  private static List<IniValue.Element> requireAuthorized(IniFile f) {
    Optional<IniProperty> p = f.get("main", "requireAuthorized");
    if (p.isEmpty() || p.get().isDefault()) return List.of();
    if (p.get().value() instanceof IniValue.Arr arr) return arr.items();
    return List.of(new IniValue.Element(p.get().value(), p.get().entry()));
  }
}
