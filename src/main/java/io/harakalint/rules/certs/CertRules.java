package io.harakalint.rules.certs;

import io.harakalint.rules.Rule;
import java.util.List;

/** The certs rules, listed by hand in id order. */
public final class CertRules {
  public static final List<Rule> ALL = List.of(
      new CertKeyMismatch(),
      new CertExpiry(),
      new CertNameNotMe(),
      new SniNeverSelected(),
      new CertRsaKeySmall(),
      new CertWeakSignature(),
      new TlsDirFileIgnored(),
      new SniChainMissing());

  private CertRules() {}
}
