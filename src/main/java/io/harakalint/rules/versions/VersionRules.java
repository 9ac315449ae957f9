package io.harakalint.rules.versions;

import io.harakalint.rules.Rule;
import java.util.List;

/** The versions rules, listed by hand in id order. */
public final class VersionRules {
  public static final List<Rule> ALL = List.of(
      new StartTlsInjection(),
      new ListenIsNumber(),
      new MissingConnectionIni(),
      new ConnectionIniIncomplete(),
      new SmtpsWithoutKey(),
      new LegacySettingFile(),
      new MovedSmtpIniSetting(),
      new ProtocolLogging());

  private VersionRules() {}
}
