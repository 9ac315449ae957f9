package io.harakalint.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.harakalint.rules.Finding;
import io.harakalint.rules.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * reviewdog's Diagnostic Format as one JSON document ({@code reviewdog -f=rdjson}): findings that
 * count, with repository-relative paths and 1-based positions whose column counts UTF-8 bytes, as
 * reviewdog's proto asks. Waived findings are left out: a review comment on an accepted risk is
 * noise. {@code suggestions} will carry fixes once findings have them; none has yet.
 */
public final class RdjsonReporter implements Reporter {
  @Override
  public void write(List<LintReport> reports, Writer out) throws IOException {
    // The writer is the caller's (standard output, or a file it closes): not closed here.
    try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeObjectFieldStart("source");
      g.writeStringField("name", "haraka-lint");
      g.writeEndObject();
      g.writeArrayFieldStart("diagnostics");
      for (LintReport r : reports) {
        for (Finding f : r.findings()) {
          if (!f.counts()) continue;
          g.writeStartObject();
          g.writeStringField("message", f.message());
          g.writeObjectFieldStart("location");
          g.writeStringField("path", r.files().path(f.span().file()));
          g.writeObjectFieldStart("range");
          g.writeObjectFieldStart("start");
          g.writeNumberField("line", f.span().line());
          g.writeNumberField("column", byteColumn(r, f));
          g.writeEndObject();
          g.writeEndObject();
          g.writeEndObject();
          g.writeStringField("severity", severity(f.severity()));
          g.writeObjectFieldStart("source");
          g.writeStringField("name", "haraka-lint");
          g.writeEndObject();
          g.writeObjectFieldStart("code");
          g.writeStringField("value", f.ruleId());
          g.writeEndObject();
          g.writeStringField("original_output", f.span() + ": " + f.severity().label() + " [" + f.ruleId() + "] " + f.message());
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  static String severity(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "ERROR";
      case MEDIUM -> "WARNING";
      case LOW, INFO -> "INFO";
    };
  }

  /** Our column counts UTF-16 code units; reviewdog's counts UTF-8 bytes. Same on ASCII lines. */
  private static int byteColumn(LintReport r, Finding f) {
    int column = f.span().column();
    Optional<List<String>> lines = r.files().lines(f.span().file());
    if (lines.isEmpty() || f.span().line() > lines.get().size()) return column;
    String text = lines.get().get(f.span().line() - 1);
    String before = text.substring(0, Math.min(column - 1, text.length()));
    return before.getBytes(StandardCharsets.UTF_8).length + 1 + Math.max(0, column - 1 - text.length());
  }
}
