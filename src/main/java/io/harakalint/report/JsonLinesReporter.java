package io.harakalint.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.harakalint.rules.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * JSON Lines (one JSON object per line), for streams of many trees ({@code check --recursive}): a
 * line per finding, {@code {"type":"finding","tree":...}} followed by the fields of the JSON
 * contract's finding, then one {@code {"type":"tree",...}} line with the tree's counts, so that a
 * consumer also learns which trees were checked and found clean. A line never spans trees, so
 * lines from trees linted concurrently can be written in any order.
 */
public final class JsonLinesReporter implements Reporter {
  private static final JsonFactory FACTORY = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  @Override
  public void write(List<LintReport> reports, Writer out) {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
      for (LintReport r : reports) writeTree(r, g);
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeTree(LintReport r, JsonGenerator g) throws IOException {
    for (Finding f : r.findings()) {
      g.writeStartObject();
      g.writeStringField("type", "finding");
      g.writeStringField("tree", r.target());
      JsonReporter.writeFindingFields(g, f);
      g.writeEndObject();
    }
    g.writeStartObject();
    g.writeStringField("type", "tree");
    g.writeStringField("tree", r.target());
    g.writeStringField("harakaVersion", r.harakaVersion());
    g.writeStringField("harakaVersionSource", r.harakaVersionSource());
    JsonReporter.writeCounts(g, r);
    g.writeEndObject();
  }

  /** A tree that could not be linted (not a Haraka tree after all, unreadable): one line saying why. */
  public static String errorLine(String tree, String message) {
    return line(g -> {
      g.writeStringField("type", "error");
      g.writeStringField("tree", tree);
      g.writeStringField("message", message);
    });
  }

  /** The last line of a recursive run: how many trees, findings and errors, and how long it took. */
  public static String summaryLine(long trees, long findings, long errors, long failing, long millis) {
    return line(g -> {
      g.writeStringField("type", "summary");
      g.writeNumberField("trees", trees);
      g.writeNumberField("findings", findings);
      g.writeNumberField("errors", errors);
      g.writeNumberField("treesFailing", failing);
      g.writeNumberField("elapsedMs", millis);
    });
  }

  private interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  private static String line(Fields fields) {
    java.io.StringWriter w = new java.io.StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      g.writeStartObject();
      fields.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.append('\n').toString();
  }
}
