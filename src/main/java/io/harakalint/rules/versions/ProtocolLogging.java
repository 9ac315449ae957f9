package io.harakalint.rules.versions;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.FlatDocument;
import io.harakalint.model.IniValue;
import io.harakalint.model.Located;
import io.harakalint.model.PluginList;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** See rules/HL608.md. */
public final class ProtocolLogging implements Rule {
  public static final RuleMeta META = new RuleMeta("HL608", "Log level protocol or data writes credentials and mail to the logs",
      Severity.MEDIUM, Category.VERSIONS, "all", Set.of("versions", "logging", "secrets", "privacy"), false,
      "At level protocol Haraka logs every SMTP line it receives, including the base64 AUTH PLAIN/LOGIN credentials of clients (not redacted in any version), and at level data the full content of every message: logs shipped to a central system then hold passwords and mail.",
      "Use level=info (or notice) in log.ini, and raise it only for a short debugging session on a test server.");

  private static final Map<String, Integer> LEVELS = Map.of("DATA", 9, "PROTOCOL", 8, "DEBUG", 7, "INFO", 6, "NOTICE", 5,
      "WARN", 4, "ERROR", 3, "CRIT", 2, "ALERT", 1, "EMERG", 0);

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    // logger.js: load_log_ini() sets [main] level, then _init_loglevel() applies config/loglevel over it.
    Optional<Located<IniValue>> legacy = tree.flat("loglevel").flatMap(FlatDocument::value);
    Located<IniValue> effective;
    String source;
    if (legacy.isPresent()) {
      effective = legacy.get();
      source = "config/loglevel";
    } else {
      Optional<Located<IniValue>> ini = tree.log().file().get("main", "level").map(p -> new Located<>(p.value(), p.span()));
      if (ini.isEmpty()) return;
      effective = ini.get();
      source = "log.ini [main] level";
    }
    Integer level = levelOf(effective.value());
    if (level == null || level < 8) return;
    boolean auth = tree.plugins().all().stream().anyMatch(ProtocolLogging::offersAuth);
    boolean data = level >= 9;
    boolean backendAuth = tree.harakaVersion().below(3, 1, 7) && (tree.plugins().loads("queue/smtp_forward")
        || tree.plugins().loads("queue/smtp_proxy") || tree.plugins().loads("auth/auth_proxy"));
    String msg = source + " is " + effective.value() + ": Haraka logs every SMTP command line"
        + (auth ? ", including the AUTH PLAIN/LOGIN credentials clients send (base64, not redacted)" : " (with any AUTH credentials)")
        + (backendAuth ? ", and, before 3.1.7, the AUTH lines it sends to smtp_forward/smtp_proxy/auth_proxy backends" : "")
        + (data ? "; level data adds the full content of every message" : "") + ".";
    ctx.report(effective.span(), "log-level:" + source, msg, auth ? Severity.HIGH : Severity.MEDIUM);
  }

  private static Integer levelOf(IniValue v) {
    if (v instanceof IniValue.Num n) return (int) n.value();
    if (!(v instanceof IniValue.Str s)) return null;
    String name = s.value().toUpperCase(Locale.ROOT);
    if (name.startsWith("LOG")) name = name.substring(3);
    return LEVELS.get(name);
  }

  private static boolean offersAuth(PluginList.Plugin p) {
    return p.loads().startsWith("auth/") || p.loads().equals("auth-ldap")
        || p.catalog().map(e -> e.hasRole("auth")).orElse(false);
  }
}
