package io.harakalint.rules.tls;

import io.harakalint.model.IniFile;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import io.harakalint.text.Span;
import java.util.Set;

/** See rules/HL308.md. */
public final class TlsInboundSectionIgnored implements Rule {
  public static final RuleMeta META = new RuleMeta("HL308", "tls.ini [inbound] section is never read",
      Severity.MEDIUM, Category.TLS_AUTH, "all", Set.of("tls", "inbound", "ignored"), false,
      "Haraka's TLS docs describe an [inbound] section for inbound-only options, but no Haraka code reads it: inbound STARTTLS and SMTPS take their options from [*] and [main], so whatever [inbound] sets (a higher minVersion, stricter ciphers) silently does not apply.",
      "Move the settings to [main] (inbound, and inherited by [outbound] unless it sets its own) and give [outbound] its own values where outbound must differ; then delete [inbound].");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    IniFile f = ctx.tree().tls().file();
    if (!f.hasSection("inbound")) return;
    Span at = f.sectionHeader("inbound").orElse(f.fileSpan());
    Set<String> keys = f.section("inbound").keySet();
    if (keys.isEmpty()) {
      ctx.report(at, "inbound-section", "tls.ini [inbound] is never read by Haraka; it is empty here, so nothing is lost, but"
          + " settings added to it later will not apply.", Severity.LOW);
      return;
    }
    ctx.report(at, "inbound-section", "tls.ini [inbound] is never read by Haraka: " + String.join(", ", keys)
        + " set here " + (keys.size() == 1 ? "does" : "do") + " not apply; inbound connections use [*] and [main].");
  }
}
