package io.harakalint.rules.certs;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.Located;
import io.harakalint.model.IniValue;
import io.harakalint.model.PemFile;
import io.harakalint.model.TlsMaterial;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** See rules/HL352.md. */
public final class CertNameNotMe implements Rule {
  public static final RuleMeta META = new RuleMeta("HL352", "Default certificate does not name the server (config/me)",
      Severity.MEDIUM, Category.CERTIFICATES, "all", Set.of("tls", "certificate", "hostname"), false,
      "config/me is the name Haraka announces in its banner and EHLO, normally the MX or submission host name clients connect to; if the default certificate (served to every client that sends no SNI, or an SNI name config/tls does not have) does not name it, every client that verifies names (mail clients, MTA-STS and DANE-TA senders) rejects the connection.",
      "Get a certificate whose SAN list contains the name in config/me (a wildcard covers one label), or set config/me to the name the certificate was issued for.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigTree tree = ctx.tree();
    Optional<Located<IniValue>> me = tree.me();
    if (me.isEmpty() || me.get().value() instanceof IniValue.Undefined) return;
    String host = me.get().value().toString().trim().toLowerCase(Locale.ROOT);
    // An empty me makes Haraka use os.hostname(), which haraka-lint cannot know; an address is not a TLS name.
    if (host.isEmpty() || !host.matches("[a-z0-9_.-]+") || host.matches("[0-9.]+") || !host.contains(".")) return;
    TlsMaterial m = tree.tlsMaterial();
    boolean sniForMe = m.sniEntries().stream().anyMatch(e -> e.loaded() && e.name().equalsIgnoreCase(host));
    for (PemFile.Cert leaf : m.defaultLeaves()) {
      if (!leaf.parsed()) continue;
      List<String> names = leaf.clientNames();
      if (names.stream().anyMatch(n -> covers(n, host))) continue;
      String listed = names.isEmpty() ? "no DNS name at all" : "only " + String.join(", ", names);
      if (sniForMe) {
        ctx.report(leaf.span(), "me:" + leaf.file().name(), "The default certificate names " + listed + ", not " + host
            + " (config/me); clients that send SNI " + host + " get config/tls's certificate, the others get this one and,"
            + " if they verify names, reject it.", Severity.LOW);
      } else {
        ctx.report(leaf.span(), "me:" + leaf.file().name(), "The default certificate names " + listed + ", not " + host
            + " (config/me): clients that connect to " + host + " and verify names reject it.");
      }
    }
  }

  /** RFC 6125 matching: case-insensitive, and a leading "*." matches exactly one label. */
  static boolean covers(String certName, String host) {
    String n = certName.toLowerCase(Locale.ROOT);
    if (n.equals(host)) return true;
    if (!n.startsWith("*.")) return false;
    int dot = host.indexOf('.');
    return dot > 0 && host.substring(dot).equals(n.substring(1));
  }
}
