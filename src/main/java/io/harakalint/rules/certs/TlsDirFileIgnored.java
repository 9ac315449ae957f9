package io.harakalint.rules.certs;

import io.harakalint.model.PemFile;
import io.harakalint.model.TlsMaterial;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** See rules/HL356.md. */
public final class TlsDirFileIgnored implements Rule {
  public static final RuleMeta META = new RuleMeta("HL356", "config/tls file or name that Haraka ignores",
      Severity.MEDIUM, Category.CERTIFICATES, ">= 3.0.4", Set.of("tls", "sni", "certificate", "key"), false,
      "Haraka pairs a config/tls certificate with the first key in the same file, or with a key-only file named after one of the certificate's names (mx.example.com.key); every name left with a key but no certificate, or a certificate but no key, is dropped without a log line, and so are files that are not PEM and certificates with DNS names but no CN: SNI clients then get the default certificate.",
      "Keep key and chain in one bundle per certificate (cat key.pem fullchain.pem > config/tls/mx.example.com.pem), or name each key-only file after every name of its certificate; remove files that are not certificates or keys.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    TlsMaterial m = ctx.tree().tlsMaterial();
    for (TlsMaterial.SkippedFile s : m.skippedTlsDirFiles()) {
      PemFile f = s.file();
      if (s.reason() == TlsMaterial.SkippedFile.Reason.NO_PEM) {
        ctx.report(f.spanAt(1), "ignored-file:" + f.name(), f.path() + " holds no certificate or private key that Haraka's"
            + " parser finds, so it is ignored.", Severity.LOW);
      } else {
        PemFile.Cert leaf = f.certificates().stream().filter(PemFile.Cert::harakaVisible).findFirst().orElseThrow();
        ctx.report(leaf.span(), "ignored-file:" + f.name(), "This certificate has DNS names ("
            + String.join(", ", leaf.dnsNames()) + ") but no CN: Haraka's parse_x509 fails on it and skips the whole file,"
            + " key included.");
      }
    }
    Map<PemFile.Cert, List<String>> certOnly = new IdentityHashMap<>();
    Map<PemFile.Cert, List<String>> certLoaded = new IdentityHashMap<>();
    Map<PemFile.Cert, Boolean> order = new LinkedHashMap<>();
    for (TlsMaterial.SniEntry e : m.sniEntries()) {
      if (e.cert().isPresent()) {
        PemFile.Cert c = e.cert().get();
        order.put(c, true);
        (e.loaded() ? certLoaded : certOnly).computeIfAbsent(c, k -> new ArrayList<>()).add(e.name());
      } else if (e.key().isPresent()) {
        PemFile.Key k = e.key().get();
        ctx.report(k.span(), "key-without-cert:" + e.name(), "Haraka names this key '" + e.name() + "' after its file, and no"
            + " certificate in config/tls has that name, so the key is never used (content not shown).");
      }
    }
    for (PemFile.Cert c : order.keySet()) {
      if (!c.parsed() && certLoaded.containsKey(c)) {
        ctx.report(c.span(), "unreadable-cert:" + c.file().name(), "This CERTIFICATE block is not a readable X.509"
            + " certificate: openssl cannot read it, Haraka pairs it by file name and fails to load it for "
            + String.join(", ", certLoaded.get(c)) + ".");
        continue;
      }
      List<String> missing = certOnly.get(c);
      if (missing == null) continue;
      List<String> loaded = certLoaded.getOrDefault(c, List.of());
      String keyFile = missing.get(0).replace('*', '_') + ".key";
      if (loaded.isEmpty()) {
        ctx.report(c.span(), "cert-without-key:" + c.file().name(), "No private key for this certificate ("
            + String.join(", ", missing) + "): it is neither in this file nor in a key-only file named after the certificate"
            + " (e.g. " + keyFile + "), so Haraka never serves it.");
      } else {
        ctx.report(c.span(), "cert-without-key:" + c.file().name(), "Haraka serves this certificate for "
            + String.join(", ", loaded) + " only: " + String.join(", ", missing) + " has no key, because a key-only file"
            + " must be named after each name (e.g. " + keyFile + "); clients asking for it get the default certificate.");
      }
    }
  }
}
