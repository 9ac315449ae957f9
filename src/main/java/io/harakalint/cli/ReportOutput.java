package io.harakalint.cli;

import io.harakalint.load.UserError;
import io.harakalint.report.LintReport;
import io.harakalint.report.ReportOptions;
import io.harakalint.report.Reporter;
import io.harakalint.report.Reporters;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** One requested output: a format and where it goes (a file, or standard output when null). */
record ReportOutput(String format, Reporter reporter, Path file) {

  /**
   * Pairs the i-th --format with the i-th --output. Formats without an output go to standard
   * output, and only one may; no format means text. The reports are computed once for all of them.
   */
  static List<ReportOutput> pair(List<String> formats, List<Path> outputs, boolean color) {
    return pair(formats, outputs, ReportOptions.PLAIN.withColor(color));
  }

  /** As above, with the rendering options; colour is used only for what goes to standard output. */
  static List<ReportOutput> pair(List<String> formats, List<Path> outputs, ReportOptions options) {
    List<String> fs = formats.isEmpty() ? List.of("text") : formats;
    if (outputs.size() > fs.size()) throw new UserError("--output: more outputs (" + outputs.size() + ") than formats (" + fs.size() + ")");
    List<ReportOutput> out = new ArrayList<>();
    int toStdout = 0;
    for (int i = 0; i < fs.size(); i++) {
      Path file = i < outputs.size() ? outputs.get(i) : null;
      if (file == null) toStdout++;
      String name = fs.get(i);
      Reporter r = Reporters.byName(name, options.withColor(options.color() && file == null))
          .orElseThrow(() -> new UserError("--format: '" + name + "' is not one of " + String.join(", ", Reporters.NAMES)));
      out.add(new ReportOutput(name, r, file));
    }
    if (toStdout > 1) throw new UserError("--format: only one format can go to standard output; give the others an --output FILE");
    return out;
  }

  void write(List<LintReport> reports, PrintWriter stdout) {
    if (file == null) {
      try {
        reporter.write(reports, stdout);
      } catch (IOException e) {
        throw new UserError("cannot write " + format + " output (" + e.getClass().getSimpleName() + ")");
      }
      return;
    }
    writeAtomically(file, w -> reporter.write(reports, w));
  }

  /** What writes one output. */
  interface Body {
    void writeTo(Writer w) throws IOException;
  }

  /** Writes {@code file} through a temporary file beside it, so a reader never sees half a report. */
  static void writeAtomically(Path file, Body body) {
    Path abs = file.toAbsolutePath();
    Path tmp = null;
    try {
      Path dir = abs.getParent();
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
      try (Writer w = new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8)) {
        body.writeTo(w);
      }
      OutputFiles.keepOrDefaultMode(tmp, abs);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UserError("--output " + file + ": cannot be written (" + e.getClass().getSimpleName() + ")");
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the move succeeded, or the error above is the one to report
        }
      }
    }
  }
}
