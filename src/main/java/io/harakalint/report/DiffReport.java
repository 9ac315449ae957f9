package io.harakalint.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.harakalint.rules.Finding;
import io.harakalint.rules.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Findings of a head compared with a base by fingerprint: what the change introduced, what it
 * fixed, and how many it left as they were. Only new findings count toward the exit code.
 */
public record DiffReport(LintReport base, LintReport head, List<Finding> added, List<Finding> fixed, int unchanged) {

  public static DiffReport of(LintReport base, LintReport head) {
    Set<String> before = new HashSet<>();
    for (Finding f : base.findings()) before.add(f.fingerprint());
    Set<String> after = new HashSet<>();
    for (Finding f : head.findings()) after.add(f.fingerprint());
    List<Finding> added = new ArrayList<>();
    int unchanged = 0;
    for (Finding f : head.findings()) {
      if (before.contains(f.fingerprint())) unchanged++;
      else added.add(f);
    }
    List<Finding> fixed = new ArrayList<>();
    for (Finding f : base.findings()) if (!after.contains(f.fingerprint())) fixed.add(f);
    return new DiffReport(base, head, List.copyOf(added), List.copyOf(fixed), unchanged);
  }

  public boolean failsAt(Severity threshold) {
    return threshold != null && added.stream().anyMatch(f -> f.counts() && f.severity().atLeast(threshold));
  }

  public void writeText(PrintWriter out) {
    for (Finding f : added) {
      out.println("new: " + f.span() + ": " + f.severity().label() + (f.counts() ? "" : " (waived)") + " [" + f.ruleId() + "] " + f.message());
    }
    for (Finding f : fixed) {
      out.println("fixed: " + f.span().file() + " [" + f.ruleId() + "] " + f.message());
    }
    out.println(head.target() + " against " + base.target() + ": " + added.size() + " new, " + fixed.size() + " fixed, "
        + unchanged + " unchanged");
  }

  public void writeJson(PrintWriter out) {
    try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeObjectFieldStart("tool");
      g.writeStringField("name", "haraka-lint");
      g.writeStringField("version", head.toolVersion());
      g.writeEndObject();
      g.writeStringField("base", base.target());
      g.writeStringField("head", head.target());
      list(g, "new", added);
      list(g, "fixed", fixed);
      g.writeNumberField("unchanged", unchanged);
      g.writeEndObject();
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void list(JsonGenerator g, String name, List<Finding> findings) throws IOException {
    g.writeArrayFieldStart(name);
    for (Finding f : findings) JsonReporter.writeFinding(g, f);
    g.writeEndArray();
  }
}
