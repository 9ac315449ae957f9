package io.harakalint.rules.tls;

import io.harakalint.model.IniProperty;
import io.harakalint.model.TlsIni;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Optional;
import java.util.Set;

/** See rules/HL310.md. */
public final class TlsSecureProtocolConflict implements Rule {
  public static final RuleMeta META = new RuleMeta("HL310", "secureProtocol together with minVersion stops Haraka at start-up",
      Severity.CRITICAL, Category.TLS_AUTH, ">= 2.8.26", Set.of("tls", "secureProtocol", "minVersion", "startup"), false,
      "Node refuses a TLS context that sets both secureProtocol and minVersion (ERR_TLS_PROTOCOL_VERSION_CONFLICT); Haraka builds its default context from [*]/[main] when it loads tls.ini, the error is not caught, and Haraka exits at start-up.",
      "Delete secureProtocol (a legacy pin) and keep minVersion=TLSv1.2 (or no minVersion at all, for Node's default).");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    TlsIni tls = ctx.tree().tls();
    Optional<IniProperty> sp = tls.inbound("secureProtocol");
    Optional<IniProperty> mv = tls.inbound("minVersion");
    if (sp.isEmpty() || mv.isEmpty()) return;
    // load_default_opts creates the context only when the key and certificate were loaded.
    boolean built = TlsReadiness.missingKeyMaterial(ctx.tree()).isEmpty();
    String msg = "[" + sp.get().section() + "] secureProtocol=" + sp.get().value() + " with [" + mv.get().section()
        + "] minVersion=" + mv.get().value() + ": Node throws ERR_TLS_PROTOCOL_VERSION_CONFLICT when Haraka builds its TLS context";
    if (built) {
      ctx.report(sp.get().span(), "secure-protocol-conflict", msg + ", and Haraka exits at start-up.");
    } else {
      ctx.report(sp.get().span(), "secure-protocol-conflict", msg + "; the key or certificate is missing today, so the"
          + " context is not built yet, but Haraka will exit at start-up as soon as they are in place.", Severity.HIGH);
    }
  }
}
