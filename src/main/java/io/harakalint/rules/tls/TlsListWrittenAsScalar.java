package io.harakalint.rules.tls;

import io.harakalint.model.HarakaVersion;
import io.harakalint.model.IniFile;
import io.harakalint.model.IniProperty;
import io.harakalint.model.IniValue;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Optional;
import java.util.Set;

/** See rules/HL313.md. */
public final class TlsListWrittenAsScalar implements Rule {
  public static final RuleMeta META = new RuleMeta("HL313", "TLS host or port list written as a single value is ignored",
      Severity.MEDIUM, Category.TLS_AUTH, ">= 2.8.28", Set.of("tls", "force_tls_hosts", "no_starttls_ports", "ini"), true,
      "no_starttls_ports, and before Haraka 3.1.7 also [outbound] force_tls_hosts and no_tls_hosts, are only used when they are arrays (k[]=v): a k=v line is silently replaced by an empty list, so STARTTLS is still offered on that port, or mail to a partner that must get TLS is still sent in plaintext when STARTTLS fails.",
      "Write one k[]=v line per entry (no_starttls_ports[]=2525, force_tls_hosts[]=mx.partner.example).");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    IniFile f = ctx.tree().tls().file();
    // tls_socket.js load_tls_ini: if (!Array.isArray(cfg.main.no_starttls_ports)) cfg.main.no_starttls_ports = []
    scalar(f, "main", "no_starttls_ports").ifPresent(p -> ctx.report(p.span(), "scalar:main.no_starttls_ports",
        "no_starttls_ports=" + p.value() + " is a single value, and Haraka keeps this setting only when it is a list: STARTTLS"
            + " is still offered on port " + p.value() + "; write no_starttls_ports[]=" + p.value() + ".", META.severity(),
        p.entry() == null || p.value().toString().contains(",") ? null : io.harakalint.model.Fix.of(
            "STARTTLS is no longer offered on port " + p.value() + ", so clients there cannot use TLS or AUTH after STARTTLS",
            new io.harakalint.text.TextEdit(p.keySpan().file(), p.keySpan().line(), p.keySpan().column(), p.keySpan().line(),
                p.keySpan().column() + p.key().length(), p.key() + "[]"))));

    HarakaVersion v = ctx.tree().harakaVersion();
    boolean wraps = v.atLeast(3, 1, 7); // load_plugin_tls_options wraps a scalar into a one-item list
    check(ctx, f, "outbound", "force_tls_hosts", wraps);
    check(ctx, f, "outbound", "no_tls_hosts", wraps);
    // [main] force_tls_hosts is inherited by outbound when [outbound] has none (outbound/tls.js inheritable_opts).
    if (f.get("outbound", "force_tls_hosts").isEmpty()) check(ctx, f, "main", "force_tls_hosts", wraps);
  }

  private static void check(RuleContext ctx, IniFile f, String section, String key, boolean wraps) {
    Optional<IniProperty> p = scalar(f, section, key);
    if (p.isEmpty()) return;
    String value = p.get().value().toString();
    boolean force = key.equals("force_tls_hosts");
    Severity sev = force ? Severity.HIGH : Severity.MEDIUM;
    String effect = force ? "deliveries there still fall back to plaintext when STARTTLS fails or is stripped"
        : "Haraka still tries STARTTLS with those hosts";
    String anchor = "scalar:" + section + "." + key;
    if (!wraps) {
      ctx.report(p.get().span(), anchor, "[" + section + "] " + key + "=" + value + " is a single value, and outbound TLS"
          + " before Haraka 3.1.7 uses it only when it is a list: " + effect + "; write " + key + "[]=... once per host.", sev);
    } else if (value.matches(".*[,;\\s].*")) {
      ctx.report(p.get().span(), anchor, "[" + section + "] " + key + "=" + value + " becomes a one-item list holding the"
          + " whole text, which matches no host: " + effect + "; write " + key + "[]=... once per host.", sev);
    }
  }

  private static Optional<IniProperty> scalar(IniFile f, String section, String key) {
    return f.get(section, key).filter(p -> !p.isDefault() && !(p.value() instanceof IniValue.Arr)
        && !(p.value() instanceof IniValue.Undefined) && !p.value().toString().isEmpty());
  }
}
