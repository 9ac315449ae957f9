package io.harakalint.rules.certs;

import io.harakalint.model.PemFile;
import io.harakalint.model.TlsMaterial;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** See rules/HL353.md. */
public final class SniNeverSelected implements Rule {
  public static final RuleMeta META = new RuleMeta("HL353", "config/tls certificate that SNI never selects",
      Severity.MEDIUM, Category.CERTIFICATES, ">= 3.0.4", Set.of("tls", "sni", "certificate", "wildcard"), false,
      "Haraka indexes config/tls certificates by their CN and DNS names and its SNICallback looks the client's name up exactly (ctxByHost[servername]): a wildcard name such as *.example.org is stored as it is and never equals a real host name, so clients asking for mail.example.org get the default certificate instead; the file's name plays no part.",
      "For a wildcard, serve it as the default certificate (tls.ini cert=) or get a certificate listing each host name in its SANs; for a file named after a host, make sure the certificate inside names that host.");

  private static final Pattern HOST = Pattern.compile("(?i)^(\\*\\.)?([a-z0-9-]+\\.)+[a-z][a-z0-9-]*[a-z0-9]$");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    TlsMaterial m = ctx.tree().tlsMaterial();
    List<PemFile.Cert> defaults = m.defaultLeaves();
    List<TlsMaterial.SniEntry> loaded = m.sniEntries().stream().filter(TlsMaterial.SniEntry::loaded).toList();
    for (CertFacts.Served s : CertFacts.served(ctx.tree())) {
      if (!s.sni()) continue;
      PemFile.Cert cert = s.cert();
      // The same certificate as the default one: clients get it anyway.
      if (defaults.stream().anyMatch(d -> d.parsed() && d.x509().get().equals(cert.x509().get()))) continue;
      List<String> wild = s.names().stream().filter(n -> n.contains("*")).toList();
      if (!wild.isEmpty()) {
        boolean all = wild.size() == s.names().size();
        ctx.report(cert.span(), "sni-wildcard:" + cert.file().name(),
            "Haraka stores this certificate under " + String.join(", ", wild) + " and looks SNI names up exactly, so a client"
                + " asking for a host under " + wild.get(0).substring(wild.get(0).indexOf('*') + 1).replaceFirst("^\\.", "")
                + " gets the default certificate" + (all ? ": this certificate is never served." : "; only "
                + String.join(", ", s.names().stream().filter(n -> !n.contains("*")).toList()) + " will select it."));
        continue;
      }
      String stem = TlsMaterial.fileStem(cert.file().name());
      if (stem.startsWith("_")) stem = "*" + stem.substring(1);
      String host = stem.toLowerCase(Locale.ROOT);
      if (!HOST.matcher(host).matches()) continue;
      boolean named = loaded.stream().anyMatch(e -> e.name().equalsIgnoreCase(host));
      if (!named) {
        ctx.report(cert.span(), "sni-file-name:" + cert.file().name(),
            "This file is named after " + host + ", but its certificate names " + String.join(", ", s.names())
                + ": Haraka ignores file names for certificates, so clients asking for " + host + " get the default certificate.",
            Severity.LOW);
      }
    }
  }
}
