package io.harakalint.rules.ini;

import io.harakalint.rules.Rule;
import java.util.List;

/** The ini rules, listed by hand in id order. */
public final class IniRules {
  public static final List<Rule> ALL = List.of(
      new IniInvalidLine(),
      new IniInlineComment(),
      new IniHeaderWithComment(),
      new IniContinuationSurprise(),
      new IniMixedScalarArray(),
      new IniIpSectionHeader(),
      new FileNotReadable(),
      new OffWordReadAsOn());

  private IniRules() {}
}
