package io.harakalint.rules.tls;

import io.harakalint.model.Located;
import io.harakalint.model.PluginList;
import io.harakalint.model.PrivateAddresses;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.List;
import java.util.Set;

/** See rules/HL303.md. */
public final class NoTlsHostsBlockAuth implements Rule {
  public static final RuleMeta META = new RuleMeta("HL303", "[no_tls_hosts] clients can never authenticate",
      Severity.HIGH, Category.TLS_AUTH, "all", Set.of("auth", "tls", "no_tls_hosts", "legacy-client"), false,
      "Clients in tls.ini [no_tls_hosts] are not offered STARTTLS, and AUTH is only offered after TLS, so a legacy client on a public address connects but can never send (auth/flat_file would offer it AUTH in clear text only on a private address).",
      "Upgrade the client to TLS 1.2; until then, if it must send, let it relay by IP as a temporary, reviewed exception: relay plugin with acl=true and its /32 in relay_acl_allow, with a reason, owner and end date.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    List<PluginList.Plugin> auth = TlsReadiness.authPlugins(ctx.tree());
    if (auth.isEmpty()) return;
    boolean flatFile = auth.stream().anyMatch(p -> p.loads().equals("auth/flat_file"));
    for (Located<String> host : ctx.tree().tls().noTlsHosts()) {
      if (PrivateAddresses.isPrivate(host.value())) {
        if (flatFile) {
          ctx.report(host.span(), "no-tls-host:" + host.value(),
              host.value() + " is a private address without STARTTLS: auth/flat_file offers it AUTH in clear text, so its"
                  + " password crosses the network unencrypted.", Severity.MEDIUM);
        } else {
          ctx.report(host.span(), "no-tls-host:" + host.value(),
              host.value() + " gets no STARTTLS, and " + auth.get(0).name()
                  + " offers AUTH only over TLS: this client connects but cannot authenticate, so it cannot send.");
        }
        continue;
      }
      ctx.report(host.span(), "no-tls-host:" + host.value(),
          host.value() + " gets no STARTTLS, and " + auth.get(0).name()
              + " offers AUTH only over TLS: from this public address the client connects but cannot authenticate, so it cannot send.");
    }
  }
}
