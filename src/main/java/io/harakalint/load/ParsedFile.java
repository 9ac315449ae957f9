package io.harakalint.load;

import io.harakalint.model.FlatDocument;
import io.harakalint.model.IniDocument;
import io.harakalint.model.LoadDiagnostic;
import io.harakalint.model.StructuredValue;
import io.harakalint.text.SourceFile;
import java.util.List;

/**
 * One config file as the loader read it: its text and at most one parse (INI, flat or structured;
 * none for binary and JS files), plus what Haraka would log about it. {@code source} is null when
 * the file could not be read. Immutable, so it can be shared between the trees of several commits.
 */
record ParsedFile(SourceFile source, IniDocument ini, FlatDocument flat, StructuredValue structured,
    List<LoadDiagnostic> diagnostics) {

  static ParsedFile unreadable(LoadDiagnostic why) {
    return new ParsedFile(null, null, null, null, List.of(why));
  }
}
