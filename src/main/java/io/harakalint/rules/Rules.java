package io.harakalint.rules;

import io.harakalint.rules.certs.CertRules;
import io.harakalint.rules.ini.IniRules;
import io.harakalint.rules.plugins.PluginRules;
import io.harakalint.rules.policy.PolicyRules;
import io.harakalint.rules.relay.RelayRules;
import io.harakalint.rules.secrets.SecretRules;
import io.harakalint.rules.tls.TlsRules;
import io.harakalint.rules.versions.VersionRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every rule: each category package lists its own rules by hand (no classpath scanning, so
 * start-up stays fast and the list is explicit), and this registry joins them in id order.
 */
public final class Rules {
  public static final List<Rule> ALL = join(IniRules.ALL, RelayRules.ALL, TlsRules.ALL, CertRules.ALL,
      PluginRules.ALL, SecretRules.ALL, VersionRules.ALL, PolicyRules.ALL);

  private Rules() {}

  @SafeVarargs
  private static List<Rule> join(List<Rule>... lists) {
    List<Rule> all = new ArrayList<>();
    for (List<Rule> l : lists) all.addAll(l);
    all.sort(Comparator.comparing(r -> r.meta().id()));
    return List.copyOf(all);
  }

  public static Optional<Rule> byId(String id) {
    return ALL.stream().filter(r -> r.meta().id().equalsIgnoreCase(id)).findFirst();
  }
}
