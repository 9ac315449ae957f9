package io.harakalint.rules.secrets;

import io.harakalint.rules.Rule;
import java.util.List;

/** The secrets rules, listed by hand in id order. */
public final class SecretRules {
  public static final List<Rule> ALL = List.of(
      new PlaintextPasswords(),
      new PrivateKeyInTree(),
      new NumericPassword(),
      new BackendCredentialsWithoutTls(),
      new LdapAuthUnverified());

  private SecretRules() {}
}
