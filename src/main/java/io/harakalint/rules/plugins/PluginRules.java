package io.harakalint.rules.plugins;

import io.harakalint.rules.Rule;
import java.util.List;

/** The plugins rules, listed by hand in id order. */
public final class PluginRules {
  public static final List<Rule> ALL = List.of(
      new UnknownPlugin(),
      new DuplicatePlugin(),
      new DeprecatedPluginName(),
      new IgnoreBadPluginsTruthy(),
      new NpmPluginNotInstalled(),
      new ShimPlugin(),
      new NoRecipientPlugin(),
      new NoQueuePlugin(),
      new LimitBeforeTlsOrAuth(),
      new RelayAfterAcceptingPlugin());

  private PluginRules() {}
}
