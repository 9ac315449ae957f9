package io.harakalint.rules.tls;

import io.harakalint.rules.Rule;
import java.util.List;

/** The tls rules, listed by hand in id order. */
public final class TlsRules {
  public static final List<Rule> ALL = List.of(
      new TlsRequiredClientFails(),
      new AuthWithoutTls(),
      new FlatFilePlaintextAuth(),
      new NoTlsHostsBlockAuth(),
      new TlsMinVersionWeak(),
      new TlsWeakCiphers(),
      new TlsInvalidMinVersion(),
      new TlsRejectUnauthorized(),
      new TlsInboundSectionIgnored(),
      new TlsMaxVersionIgnored(),
      new TlsSecureProtocolConflict(),
      new TlsNoGoDowngrade(),
      new TlsDhparamWeak(),
      new TlsListWrittenAsScalar());

  private TlsRules() {}
}
