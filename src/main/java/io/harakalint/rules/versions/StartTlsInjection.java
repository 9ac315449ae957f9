package io.harakalint.rules.versions;

import io.harakalint.model.PluginList;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Optional;
import java.util.Set;

/** See rules/HL601.md. */
public final class StartTlsInjection implements Rule {
  public static final RuleMeta META = new RuleMeta("HL601", "Haraka before 3.1.7 executes commands injected after STARTTLS",
      Severity.MEDIUM, Category.VERSIONS, "< 3.1.7", Set.of("versions", "tls", "starttls"), false,
      "Before 3.1.7 the tls plugin did not discard plaintext pipelined after STARTTLS: Haraka executes those commands on the connection and answers them in clear text before the TLS handshake, so an attacker on the path can run commands on a client's connection (STARTTLS command injection, RFC 3207 section 4).",
      "Upgrade Haraka to 3.1.7 or later.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    Optional<PluginList.Plugin> tls = ctx.tree().plugins().find("tls");
    if (tls.isEmpty()) return;
    ctx.report(tls.get().written().span(), "starttls-injection",
        "Haraka " + ctx.tree().harakaVersion() + " with the tls plugin executes plaintext commands pipelined after STARTTLS, "
            + "before the TLS handshake (STARTTLS command injection, fixed in 3.1.7).");
  }
}
