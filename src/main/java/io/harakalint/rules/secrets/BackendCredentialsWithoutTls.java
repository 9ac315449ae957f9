package io.harakalint.rules.secrets;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.IniFile;
import io.harakalint.model.IniProperty;
import io.harakalint.model.IniValue;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** See rules/HL504.md. */
public final class BackendCredentialsWithoutTls implements Rule {
  public static final RuleMeta META = new RuleMeta("HL504", "smtp_forward/smtp_proxy credentials sent without TLS",
      Severity.HIGH, Category.SECRETS, "all", Set.of("secrets", "tls", "smtp_forward", "smtp_proxy"), false,
      "enable_tls defaults to false in smtp_forward.ini and smtp_proxy.ini: Haraka then never sends STARTTLS to the backend and sends auth_user/auth_pass with AUTH PLAIN or LOGIN in clear text, readable by anyone on the path.",
      "Set enable_tls=true in the same section as the credentials (each domain section needs its own), and make the backend require TLS before AUTH.");

  private record Consumer(String file, String plugin, boolean perDomain, List<String> types) {}

  // smtp_forward: get_config() returns the matching domain section instead of [main] (no merge), so each
  // section stands alone; smtp_proxy uses [main] only, and smtp_client supports only AUTH PLAIN there.
  private static final List<Consumer> CONSUMERS = List.of(
      new Consumer("smtp_forward.ini", "queue/smtp_forward", true, List.of("plain", "login")),
      new Consumer("smtp_proxy.ini", "queue/smtp_proxy", false, List.of("plain")));

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    for (Consumer c : CONSUMERS) {
      IniFile ini = tree.ini(c.file());
      if (!ini.exists()) continue;
      boolean listed = tree.plugins().loads(c.plugin());
      for (String section : ini.sectionNames()) {
        if (!section.equals("main") && (!c.perDomain() || section.equals("tls"))) continue;
        Optional<IniProperty> user = nonEmpty(ini.get(section, "auth_user"));
        Optional<IniProperty> pass = nonEmpty(ini.get(section, "auth_pass"));
        if (user.isEmpty() && pass.isEmpty()) continue;
        String type = ini.get(section, "auth_type").map(p -> p.value().toString().toLowerCase(Locale.ROOT)).orElse("");
        if (!c.types().contains(type)) continue; // without a supported auth_type no credentials are sent
        if (ini.truthy(section, "enable_tls").value()) continue;
        String host = ini.get(section, "host").or(() -> ini.get("main", "host")).map(p -> p.value().toString()).orElse("");
        boolean loopback = isLoopback(host);
        IniProperty at = pass.orElse(user.get());
        Severity sev = !listed || loopback ? Severity.LOW : Severity.HIGH;
        String where = loopback ? " (to a loopback backend, so they stay on this host)"
            : !listed ? " (" + c.plugin() + " is not listed in config/plugins right now)" : "";
        ctx.report(at.keySpan(), "backend-creds:" + c.file() + ":" + section,
            "[" + section + "] sets auth_user/auth_pass with auth_type=" + type + " but not enable_tls=true: " + c.plugin()
                + " sends the credentials to the backend in clear text" + where + ".",
            sev);
      }
    }
  }

  private static Optional<IniProperty> nonEmpty(Optional<IniProperty> p) {
    return p.filter(x -> x.value().isTruthy() && !(x.value() instanceof IniValue.Arr));
  }

  static boolean isLoopback(String host) {
    String h = host.trim().toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
  }
}
