package io.harakalint.report;

import java.util.List;
import java.util.Optional;

/**
 * The linted files' lines as Haraka reads them, for the formats that show findings in context.
 * Implementations read the already-loaded tree: nothing is read from disk again.
 */
public interface SourceText {
  /** The lines of {@code file} (a path as findings give it), or empty when it is not known. */
  Optional<List<String>> lines(String file);
}
