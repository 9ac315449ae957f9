package io.harakalint.rules.tls;

import io.harakalint.model.IniFile;
import io.harakalint.model.IniValue;
import io.harakalint.model.Located;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Optional;
import java.util.Set;

/** See rules/HL311.md. */
public final class TlsNoGoDowngrade implements Rule {
  public static final RuleMeta META = new RuleMeta("HL311", "TLS NO-GO turns TLS off after one failed handshake",
      Severity.MEDIUM, Category.TLS_AUTH, ">= 2.8.21", Set.of("tls", "redis", "downgrade"), false,
      "[redis] disable_for_failed_hosts=true remembers every IP whose TLS upgrade failed: Haraka then delivers to that server in plaintext for a week (disable_expiry) and stops offering STARTTLS to that client for an hour (disable_inbound_expiry); whoever can break one handshake, an attacker on the path or a transient fault, gets plaintext for the whole period.",
      "Set disable_for_failed_hosts=false (the default); list genuinely broken peers in [outbound] no_tls_hosts[] or [no_tls_hosts] after review, and use [outbound] force_tls_hosts[] for partners that must always get TLS.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    IniFile f = ctx.tree().tls().file();
    Optional<Located<Boolean>> on = f.bool("redis", "disable_for_failed_hosts");
    if (on.isEmpty() || !on.get().value() || f.get("redis", "disable_for_failed_hosts").get().isDefault()) return;
    long outbound = seconds(f, "disable_expiry", 604800);
    long inbound = seconds(f, "disable_inbound_expiry", 3600);
    // plugins/tls.js checks server.notes.redis, which only the redis plugin sets; outbound/tls.js opens its own client.
    String in = ctx.tree().plugins().loads("redis")
        ? "; inbound, a client IP whose STARTTLS failed or timed out is not offered STARTTLS for " + duration(inbound)
            + " (port 587 excepted)"
        : "; inbound it has no effect while the redis plugin is not listed";
    ctx.report(on.get().span(), "tls-no-go",
        "[redis] disable_for_failed_hosts=true: after one failed TLS upgrade Haraka delivers to that MX in plaintext for "
            + duration(outbound) + in + ".");
  }

  private static String duration(long s) {
    if (s % 86400 == 0) return s + " s (" + s / 86400 + (s == 86400 ? " day)" : " days)");
    if (s % 3600 == 0) return s + " s (" + s / 3600 + (s == 3600 ? " hour)" : " hours)");
    return s + " s";
  }

  private static long seconds(IniFile f, String key, long dflt) {
    return f.get("redis", key).filter(p -> p.value() instanceof IniValue.Num n && n.integer() && n.value() > 0)
        .map(p -> ((IniValue.Num) p.value()).asLong()).orElse(dflt);
  }
}
