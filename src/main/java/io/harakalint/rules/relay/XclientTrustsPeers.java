package io.harakalint.rules.relay;

import io.harakalint.model.FlatDocument;
import io.harakalint.model.Located;
import io.harakalint.model.PluginList;
import io.harakalint.rules.Category;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleContext;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** See rules/HL213.md. */
public final class XclientTrustsPeers implements Rule {
  public static final RuleMeta META = new RuleMeta("HL213", "XCLIENT lets loopback and listed peers choose the client address",
      Severity.MEDIUM, Category.RELAY, "all", Set.of("relay", "xclient", "proxy", "spoofing", "auth"), false,
      "With the xclient plugin, 127.0.0.1, ::1 (always, no setting removes them) and every xclient.hosts address may set the client address, name, HELO and local port; any local process can then pose as any client, and the 587/465 'Authentication required' check can be skipped.",
      "Remove xclient from config/plugins unless a proxy really needs it; if it does, make sure no untrusted local process can connect to Haraka, and run Haraka >= 3.1.7.");

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public void check(RuleContext ctx) {
    Optional<PluginList.Plugin> p = ctx.tree().plugins().find("xclient");
    if (p.isEmpty()) return;
    List<String> listed = new ArrayList<>();
    for (Located<String> item : ctx.tree().flat("xclient.hosts").map(FlatDocument::items).orElse(List.of())) {
      String v = item.value();
      if (v.equals("127.0.0.1") || v.equals("::1") || XclientHostNeverMatches.problem(v) != null) continue;
      listed.add(v);
    }
    String peers = "127.0.0.1 and ::1 (always)" + (listed.isEmpty() ? "" : " and " + String.join(", ", listed));
    boolean old = ctx.tree().harakaVersion().below(3, 1, 7);
    ctx.report(p.get().written().span(), "xclient-trust",
        "xclient lets " + peers + " set the client address that the checks after connect judge (rDNS, DNSBLs, SPF, AUTH rules; the relay ACL has already run on connect_init), and the local port: an XCLIENT without DESTPORT"
            + (old ? " (or, before 3.1.7, with DESTPORT=587, which stays text)" : "")
            + " leaves the port unset, so MAIL FROM on 587/465 no longer requires AUTH.");
  }
}
