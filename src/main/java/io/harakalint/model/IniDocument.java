package io.harakalint.model;

import io.harakalint.text.SourceFile;
import java.util.List;

/** An INI file after haraka-config's line grammar: entries in file order, headers and diagnostics. */
public record IniDocument(SourceFile source, List<IniEntry> entries, List<SectionHeader> headers,
    List<LoadDiagnostic> diagnostics) {

  /** A {@code [name]} line; {@code ignored} when haraka-config refuses the name (prototype guards). */
  public record SectionHeader(String name, int line, boolean ignored) {}

  public String path() {
    return source.path();
  }
}
