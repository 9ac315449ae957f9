package io.harakalint.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.harakalint.rules.Finding;
import io.harakalint.rules.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The JSON contract other formats and scripts rely on. Written with Jackson's streaming generator:
 * the field order is fixed here and no reflection is involved. Extra fields may be added; none is
 * renamed or removed.
 */
public final class JsonReporter implements Reporter {
  // Never close the target: it may be standard output, still needed by the next format.
  private static final JsonFactory FACTORY = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  @Override
  public void write(List<LintReport> reports, Writer out) {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      if (reports.size() == 1) {
        writeOne(reports.get(0), g);
      } else {
        g.writeStartArray();
        for (LintReport r : reports) writeOne(r, g);
        g.writeEndArray();
      }
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeOne(LintReport r, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("tool");
    g.writeStringField("name", "haraka-lint");
    g.writeStringField("version", r.toolVersion());
    g.writeEndObject();
    g.writeObjectFieldStart("target");
    g.writeStringField("path", r.target());
    g.writeStringField("harakaVersion", r.harakaVersion());
    g.writeStringField("harakaVersionSource", r.harakaVersionSource());
    g.writeEndObject();
    g.writeArrayFieldStart("findings");
    for (Finding f : r.findings()) writeFinding(g, f);
    g.writeEndArray();
    g.writeObjectFieldStart("summary");
    writeCounts(g, r);
    g.writeEndObject();
    g.writeEndObject();
  }

  /** A tree's counts by severity, waived, in the baseline and files scanned (the summary; JSON Lines' tree line). */
  static void writeCounts(JsonGenerator g, LintReport r) throws IOException {
    Map<Severity, Integer> c = r.countsBySeverity();
    for (Severity s : Severity.values()) g.writeNumberField(s.label(), c.get(s));
    g.writeNumberField("waived", r.waivedCount());
    g.writeNumberField("inBaseline", r.inBaseline());
    g.writeNumberField("filesScanned", r.filesScanned());
  }

  /** One finding as the JSON contract has it; shared with the diff output. */
  public static void writeFinding(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    writeFindingFields(g, f);
    g.writeEndObject();
  }

  /** The fields of one finding, inside an object the caller opened (JSON Lines adds its own first). */
  static void writeFindingFields(JsonGenerator g, Finding f) throws IOException {
    g.writeStringField("ruleId", f.ruleId());
    g.writeStringField("severity", f.severity().label());
    g.writeStringField("title", f.rule().title());
    g.writeStringField("message", f.message());
    g.writeStringField("file", f.span().file());
    g.writeNumberField("line", f.span().line());
    g.writeNumberField("column", f.span().column());
    g.writeStringField("fingerprint", f.fingerprint());
    if (f.fix() == null) {
      g.writeNullField("fix");
    } else {
      g.writeObjectFieldStart("fix");
      g.writeStringField("behaviourChange", f.fix().behaviourChange());
      g.writeArrayFieldStart("edits");
      for (io.harakalint.text.TextEdit e : f.fix().edits()) {
        g.writeStartObject();
        g.writeStringField("file", e.file());
        g.writeNumberField("line", e.line());
        g.writeNumberField("column", e.column());
        g.writeNumberField("endLine", e.endLine());
        g.writeNumberField("endColumn", e.endColumn());
        g.writeStringField("replacement", e.replacement());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeStringField("status", switch (f.status()) {
      case OPEN -> "open";
      case WAIVED -> "waived";
      case WAIVER_EXPIRED -> "waiver-expired";
    });
    if (f.waiver() == null) {
      g.writeNullField("waiver");
    } else {
      g.writeObjectFieldStart("waiver");
      g.writeStringField("name", f.waiver().name());
      g.writeStringField("reason", f.waiver().reason());
      g.writeStringField("owner", f.waiver().owner());
      g.writeStringField("expires", String.valueOf(f.waiver().expires()));
      g.writeStringField("file", f.waiver().span().file());
      g.writeNumberField("line", f.waiver().span().line());
      g.writeEndObject();
    }
    g.writeStringField("why", f.rule().why());
    g.writeStringField("remediation", f.rule().fix());
  }
}
