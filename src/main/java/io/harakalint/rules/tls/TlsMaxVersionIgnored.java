package io.harakalint.rules.tls;

import io.harakalint.model.IniFile;
import io.harakalint.model.IniValue;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.List;
import java.util.Set;

/** See rules/HL309.md. */
public final class TlsMaxVersionIgnored implements Rule {
  public static final RuleMeta META = new RuleMeta("HL309", "maxVersion in [main] is not applied",
      Severity.LOW, Category.TLS_AUTH, "all", Set.of("tls", "maxVersion", "ignored"), false,
      "tls_socket.js copies only an allow-list of options (minVersion, ciphers, honorCipherOrder, ...) from [*] or [main] into the inbound TLS context, and maxVersion is not on it; [outbound] does not inherit it either, so Node's default maximum (TLS 1.3) stays in force everywhere.",
      "Delete maxVersion from [main]/[*]; to cap outbound deliveries, set maxVersion in [outbound] (its options are passed to tls.connect as they are). There is no way to cap inbound TLS in tls.ini.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    IniFile f = ctx.tree().tls().file();
    for (String section : List.of("*", "main")) {
      f.get(section, "maxVersion").filter(p -> !(p.value() instanceof IniValue.Undefined)).ifPresent(p ->
          ctx.report(p.span(), "max-version:" + section,
              "[" + section + "] maxVersion=" + p.value() + " is not applied: inbound STARTTLS and SMTPS ignore it and [outbound]"
                  + " does not inherit it, so handshakes can still use TLS 1.3."));
    }
  }
}
