package io.harakalint.rules.secrets;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.IniFile;
import io.harakalint.model.IniProperty;
import io.harakalint.model.Located;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import io.harakalint.text.Span;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** See rules/HL505.md. */
public final class LdapAuthUnverified implements Rule {
  // Compiled once: String.split and replaceAll with these would compile them for every tree.
  private static final java.util.regex.Pattern URL_LIST = java.util.regex.Pattern.compile("[\\s,]+");
  private static final java.util.regex.Pattern BRACKETS = java.util.regex.Pattern.compile("^\\[|\\]$");
  public static final RuleMeta META = new RuleMeta("HL505", "auth-ldap checks passwords over plain or unverified LDAP",
      Severity.HIGH, Category.SECRETS, "all", Set.of("secrets", "auth", "ldap", "tls"), false,
      "auth-ldap binds to the directory with each user's password: over ldap:// the password crosses the network in clear text, and over ldaps:// with rejectUnauthorized false (the default, because the boolean is declared without a sign) anyone who can intercept the connection can present any certificate and collect the passwords.",
      "Use an ldaps:// server and set [core] rejectUnauthorized=true in auth_ldap.ini (with the directory's CA trusted by Node).");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    if (!tree.plugins().loads("auth-ldap")) return;
    IniFile ini = tree.ini("auth_ldap.ini");
    Optional<IniProperty> server = ini.get("core", "server").filter(p -> p.value().isTruthy());
    // index.js: this.cfg.core.server ? ... : 'ldap://127.0.0.1'
    String url = server.map(p -> p.value().toString()).orElse("ldap://127.0.0.1");
    Span serverSpan = server.map(IniProperty::span).orElse(ini.fileSpan());
    Located<Boolean> verify = ini.bool("core", "rejectUnauthorized").orElse(new Located<>(false, ini.fileSpan()));
    for (String written : URL_LIST.split(url.trim())) {
      String lower = written.toLowerCase(Locale.ROOT);
      String host = host(written);
      if (host == null || isLoopback(host)) continue;
      String one = shown(written); // auth_ldap.ini may hold secrets: never print a URL's user information
      if (lower.startsWith("ldap://")) {
        ctx.report(serverSpan, "ldap-plain:" + one,
            "[core] server is " + one + ": auth-ldap sends every AUTH password to the directory in clear text (plain LDAP, no TLS).");
      } else if (lower.startsWith("ldaps://") && !verify.value()) {
        boolean explicit = ini.get("core", "rejectUnauthorized").map(p -> !p.isDefault()).orElse(false);
        ctx.report(explicit ? verify.span() : serverSpan, "ldap-unverified:" + one,
            "[core] rejectUnauthorized is " + (explicit ? "read as false" : "not set, which auth-ldap reads as false")
                + ": the certificate of " + one + " is not verified, so whoever intercepts the connection receives the AUTH passwords.",
            Severity.MEDIUM);
      }
    }
  }

  private static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? null : BRACKETS.matcher(h).replaceAll("");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String shown(String url) {
    URI u = URI.create(url);
    return u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.startsWith("127.") || h.equals("::1");
  }
}
