package io.harakalint.model;

import java.util.Optional;

/** {@code smtp.ini} as {@code server.js load_smtp_ini} reads it. */
public record SmtpIni(IniFile file) {
  public Optional<IniProperty> listen() {
    return file.get("main", "listen");
  }

  /** Not a declared boolean: Haraka tests it for truthiness, so the string "false" is on. */
  public Optional<IniProperty> ignoreBadPlugins() {
    return file.get("main", "ignore_bad_plugins");
  }

  public int smtpsPort() {
    return file.get("main", "smtps_port").filter(p -> p.value() instanceof IniValue.Num)
        .map(p -> (int) ((IniValue.Num) p.value()).value()).orElse(465);
  }
}
