package io.harakalint.model;

import java.util.Optional;

/** {@code log.ini} ({@code logger.js}). */
public record LogIni(IniFile file) {
  public Optional<Located<String>> level() {
    return file.string("main", "level");
  }
}
