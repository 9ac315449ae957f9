package io.harakalint.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** One output format. Machine formats are written with Jackson; human ones with templates. */
public interface Reporter {
  void write(List<LintReport> reports, Writer out) throws IOException;
}
