package io.harakalint.report;

import java.io.IOException;
import java.io.Writer;

/** A format for {@code haraka-lint diff}: what a change introduced, fixed and left as it was. */
public interface DiffReporter {
  void write(DiffReport diff, Writer out) throws IOException;
}
