package io.harakalint.rules.certs;

import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/** See rules/HL351.md. */
public final class CertExpiry implements Rule {
  public static final RuleMeta META = new RuleMeta("HL351", "Certificate expired or about to expire",
      Severity.CRITICAL, Category.CERTIFICATES, "all", Set.of("tls", "certificate", "expiry"), false,
      "Haraka keeps serving an expired certificate (config/tls only logs 'expired on'), and every client that verifies certificates (mail clients, MTA-STS and DANE senders, Haraka's own forced-TLS outbound) refuses it: submission stops and verifying senders defer their mail.",
      "Renew the certificate (and automate renewal, e.g. certbot or acme.sh with a hook that restarts Haraka), then check the date with 'openssl x509 -noout -enddate -in <file>'.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    List<CertFacts.Served> served = CertFacts.served(ctx.tree());
    if (served.isEmpty()) return; // java.time costs start-up time: only load it when there is a date to judge
    LocalDate today = ctx.options().today();
    int window = ctx.options().certExpiryDays();
    for (CertFacts.Served s : served) {
      LocalDate end = s.cert().notAfter();
      String anchor = "expiry:" + s.cert().file().name();
      if (end.isBefore(today)) {
        ctx.report(s.cert().span(), anchor, capitalize(s.what()) + " expired on " + end
            + ": clients that verify certificates refuse it, and Haraka keeps serving it.");
      } else if (!end.isAfter(today.plusDays(window))) {
        long days = ChronoUnit.DAYS.between(today, end);
        ctx.report(s.cert().span(), anchor, capitalize(s.what()) + " expires on " + end + " (in " + days + " day"
            + (days == 1 ? "" : "s") + "); renew it before clients that verify certificates start refusing it.", Severity.MEDIUM);
      }
    }
  }

  static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
