package io.harakalint.rules.tls;

import io.harakalint.model.IniProperty;
import io.harakalint.model.IniValue;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Optional;
import java.util.Set;

/** See rules/HL306.md. */
public final class TlsInvalidMinVersion implements Rule {
  public static final RuleMeta META = new RuleMeta("HL306", "minVersion that Node rejects stops Haraka at start-up",
      Severity.CRITICAL, Category.TLS_AUTH, ">= 2.8.26", Set.of("tls", "minVersion", "startup"), false,
      "Node accepts only TLSv1, TLSv1.1, TLSv1.2 and TLSv1.3, case-sensitive; anything else (a typo, lower case, an inline comment) makes createSecureContext throw ERR_TLS_INVALID_PROTOCOL_VERSION and Haraka exits at start-up: no mail is accepted at all.",
      "Write exactly minVersion=TLSv1.2 (or remove the line for Node's default), with any comment on its own line.");

  private static final Set<String> VALID = Set.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    Optional<IniProperty> p = ctx.tree().tls().inbound("minVersion");
    if (p.isEmpty() || p.get().isDefault() || p.get().value() instanceof IniValue.Undefined) return;
    String v = p.get().value().toString();
    if (VALID.contains(v)) return;
    ctx.report(p.get().span(), "min-version-invalid:" + p.get().section(),
        "[" + p.get().section() + "] minVersion is '" + v + "', which Node does not accept: Haraka exits at start-up with "
            + "ERR_TLS_INVALID_PROTOCOL_VERSION.");
  }
}
