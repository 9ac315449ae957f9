package io.harakalint.rules.tls;

import io.harakalint.model.Fix;
import io.harakalint.model.IniProperty;
import io.harakalint.text.TextEdit;
import io.harakalint.model.TlsIni;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Optional;
import java.util.Set;

/** See rules/HL304.md. */
public final class TlsMinVersionWeak implements Rule {
  public static final RuleMeta META = new RuleMeta("HL304", "TLS floor below TLS 1.2",
      Severity.HIGH, Category.TLS_AUTH, "all", Set.of("tls", "minVersion", "legacy-client"), true,
      "TLS 1.0 and 1.1 are deprecated (RFC 8996): they allow downgrade and CBC attacks, and PCI and most audits fail them; [outbound] inherits [main]'s minVersion, so outgoing mail is weakened too.",
      "Set minVersion=TLSv1.2 (Node's default) and upgrade the few legacy clients instead; if one must stay for a while, relay it by IP as a documented, expiring exception.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    TlsIni tls = ctx.tree().tls();
    boolean outboundOwn = tls.file().get("outbound", "minVersion").isPresent();
    // On Node 18+ (OpenSSL 3) a TLS 1.0/1.1 handshake needs a SHA-1 signature, which security level 1
    // (the default) forbids: the floor only takes effect together with @SECLEVEL=0 in ciphers
    // (reference tls-clients.md §2.3; checked live: 'no suitable signature algorithm').
    boolean seclevel0 = tls.inbound("ciphers").map(c -> TlsWeakCiphers.weakTokens(c.value().toString()).contains("@SECLEVEL=0"))
        .orElse(false);
    tls.inbound("minVersion").filter(p -> weak(p.value().toString())).ifPresent(p -> {
      Fix fix = p.entry() == null || p.raw() == null ? null : Fix.of(
          "clients that cannot do TLS 1.2 can no longer connect (Node's default floor); find them with 'haraka-lint compat'",
          new TextEdit(p.span().file(), p.span().line(), p.span().column(), p.span().line(), p.span().column() + p.raw().length(),
              "TLSv1.2"));
      if (seclevel0) {
        ctx.report(p.span(), "min-version:" + p.section(),
            "[" + p.section() + "] minVersion=" + p.value() + " with @SECLEVEL=0 in ciphers accepts " + p.value() + " handshakes"
                + (outboundOwn ? "" : "; [outbound] inherits it, so Haraka also offers it when delivering mail") + ".",
            META.severity(), fix);
      } else {
        ctx.report(p.span(), "min-version-ineffective:" + p.section(),
            "[" + p.section() + "] minVersion=" + p.value() + " on its own does not let " + p.value() + " clients in on Node 18 and"
                + " later: they still fail with 'no suitable signature algorithm' unless ciphers adds @SECLEVEL=0, which would"
                + " weaken every connection; the line only hides the real decision.", Severity.MEDIUM, fix);
      }
    });
    tls.file().get("outbound", "minVersion").filter(p -> weak(p.value().toString())).ifPresent(p ->
        ctx.report(p.span(), "min-version:outbound",
            "[outbound] minVersion=" + p.value() + " lets outgoing deliveries fall back to " + p.value()
                + " wherever the cipher list allows it.", Severity.MEDIUM));
  }

  static boolean weak(String v) {
    return v.equals("TLSv1") || v.equals("TLSv1.1");
  }
}
