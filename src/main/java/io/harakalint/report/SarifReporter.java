package io.harakalint.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.harakalint.model.Waiver;
import io.harakalint.rules.Finding;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Rules;
import io.harakalint.rules.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SARIF 2.1.0 as GitHub code scanning reads it (docs: "SARIF support for code scanning"): one run
 * for all linted trees, every rule as a descriptor with its page as {@code help.markdown} and a
 * {@code security-severity}, results with repository-relative URIs, a positive region and our
 * fingerprint, and waived findings as accepted external suppressions.
 */
public final class SarifReporter implements Reporter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  /** Our fingerprint's key in {@code partialFingerprints}; "/v1" so a change of scheme can live beside it. */
  static final String FINGERPRINT_KEY = "harakaLint/v1";
  static final String SRCROOT = "%SRCROOT%";

  @Override
  public void write(List<LintReport> reports, Writer out) throws IOException {
    List<RuleMeta> rules = descriptors(reports);
    Map<String, Integer> index = new LinkedHashMap<>();
    for (RuleMeta m : rules) index.put(m.id(), index.size());
    Map<String, Severity> effective = effectiveSeverities(reports);
    // The writer is the caller's (standard output, or a file it closes): not closed here.
    try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      g.writeObjectFieldStart("tool");
      g.writeObjectFieldStart("driver");
      g.writeStringField("name", "haraka-lint");
      String version = reports.isEmpty() ? ToolVersion.get() : reports.get(0).toolVersion();
      g.writeStringField("semanticVersion", version);
      g.writeStringField("version", version);
      g.writeArrayFieldStart("rules");
      for (RuleMeta m : rules) writeRule(g, m, effective.getOrDefault(m.id(), m.severity()));
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      // Our columns count UTF-16 code units (Java string indexes), SARIF's default for this property.
      g.writeStringField("columnKind", "utf16CodeUnits");
      g.writeArrayFieldStart("results"); // kept even when empty: a clean run must still close old alerts
      for (LintReport r : reports) {
        for (Finding f : r.findings()) writeResult(g, r, f, index.get(f.ruleId()));
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  /** Every registered rule, plus any rule a report holds that the registry does not (none today). */
  private static List<RuleMeta> descriptors(List<LintReport> reports) {
    Set<RuleMeta> all = new LinkedHashSet<>();
    for (Rule r : Rules.ALL) all.add(r.meta());
    for (LintReport r : reports) for (Finding f : r.findings()) {
      if (all.stream().noneMatch(m -> m.id().equals(f.ruleId()))) all.add(f.rule());
    }
    return List.copyOf(all);
  }

  /**
   * A rule's severity in this run: the policy may have changed it (HL302=low), and GitHub reads the
   * severity of an alert from its rule, so the descriptor carries the most severe one its findings have.
   */
  private static Map<String, Severity> effectiveSeverities(List<LintReport> reports) {
    Map<String, Severity> out = new LinkedHashMap<>();
    for (LintReport r : reports) for (Finding f : r.findings()) {
      out.merge(f.ruleId(), f.severity(), (a, b) -> a.atLeast(b) ? a : b);
    }
    return out;
  }

  private static void writeRule(JsonGenerator g, RuleMeta m, Severity severity) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", m.id());
    g.writeStringField("name", name(m.title()));
    g.writeObjectFieldStart("shortDescription");
    g.writeStringField("text", limit(m.title(), 1024));
    g.writeEndObject();
    g.writeObjectFieldStart("fullDescription");
    g.writeStringField("text", limit(m.why(), 1024));
    g.writeEndObject();
    g.writeObjectFieldStart("help");
    g.writeStringField("text", m.why() + "\n\nHow to fix: " + m.fix());
    g.writeStringField("markdown", helpMarkdown(m));
    g.writeEndObject();
    g.writeObjectFieldStart("defaultConfiguration");
    g.writeStringField("level", level(severity));
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeArrayFieldStart("tags");
    for (String t : tags(m)) g.writeString(t);
    g.writeEndArray();
    g.writeStringField("precision", "high");
    g.writeStringField("security-severity", securitySeverity(severity));
    g.writeStringField("problem.severity", severity.label());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeResult(JsonGenerator g, LintReport r, Finding f, int ruleIndex) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.ruleId());
    g.writeNumberField("ruleIndex", ruleIndex);
    g.writeStringField("level", level(f.severity()));
    g.writeObjectFieldStart("message");
    g.writeStringField("text", f.message());
    g.writeEndObject();
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    TreeFiles files = r.files();
    if (files.isAbsolute()) {
      g.writeStringField("uri", fileUri(files.path(f.span().file())));
    } else {
      g.writeStringField("uri", uriPath(files.path(f.span().file())));
      g.writeStringField("uriBaseId", SRCROOT);
    }
    g.writeEndObject();
    g.writeObjectFieldStart("region");
    int line = f.span().line();
    int column = f.span().column();
    g.writeNumberField("startLine", line);
    g.writeNumberField("startColumn", column);
    g.writeNumberField("endLine", line);
    g.writeNumberField("endColumn", endColumn(r, f));
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(FINGERPRINT_KEY, f.fingerprint());
    g.writeEndObject();
    if (f.status() == Finding.Status.WAIVED) {
      Waiver w = f.waiver();
      g.writeArrayFieldStart("suppressions");
      g.writeStartObject();
      g.writeStringField("kind", w.inline() ? "inSource" : "external");
      g.writeStringField("status", "accepted");
      g.writeStringField("justification", w.reason() + " (owner: " + w.owner() + ", until " + w.expires() + ")");
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeObjectFieldStart("properties");
    g.writeStringField("severity", f.severity().label());
    g.writeStringField("target", r.target());
    g.writeStringField("status", switch (f.status()) {
      case OPEN -> "open";
      case WAIVED -> "waived";
      case WAIVER_EXPIRED -> "waiver-expired";
    });
    if (f.status() == Finding.Status.WAIVER_EXPIRED) {
      g.writeStringField("waiverExpired", String.valueOf(f.waiver().expires()));
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * The end of the region: the end of the line when we know it (exclusive, so one past the last
   * character), else one character. Never the length of a line in a file that holds secrets: that
   * would tell a password's length.
   */
  private static int endColumn(LintReport r, Finding f) {
    int start = f.span().column();
    if (SecretText.isSecretFile(f.span().file())) return start + 1;
    Optional<List<String>> lines = r.files().lines(f.span().file());
    if (lines.isEmpty() || f.span().line() > lines.get().size()) return start + 1;
    String text = lines.get().get(f.span().line() - 1);
    if (SecretText.looksSecret(lines.get())) return start + 1;
    return Math.max(start + 1, text.length() + 1);
  }

  /** GitHub: critical above 9.0, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9. */
  static String securitySeverity(Severity s) {
    return switch (s) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "1.0";
    };
  }

  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  private static List<String> tags(RuleMeta m) {
    Set<String> t = new LinkedHashSet<>();
    t.add("security");
    t.add(m.category().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    t.addAll(new java.util.TreeSet<>(m.tags()));
    return t.stream().limit(10).toList(); // GitHub shows ten at most
  }

  /** "relay.ini all=true makes an open relay" → "RelayIniAllTrueMakesAnOpenRelay", as SARIF suggests for names. */
  static String name(String title) {
    StringBuilder sb = new StringBuilder();
    boolean upper = true;
    for (char c : title.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 128) {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    return sb.length() == 0 ? "Rule" : sb.toString();
  }

  private static String helpMarkdown(RuleMeta m) {
    return RulePage.markdown(m.id()).map(RulePage::withoutTestMarkers)
        .orElse("**" + m.title() + "**\n\n" + m.why() + "\n\n**How to fix:** " + m.fix() + "\n");
  }

  private static String limit(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }

  /** A relative URI reference: each segment percent-encoded where URIs need it, '/' kept. */
  static String uriPath(String path) {
    StringBuilder sb = new StringBuilder();
    for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return sb.toString();
  }

  private static String fileUri(String absolute) {
    String p = absolute.startsWith("/") ? absolute : "/" + absolute;
    return "file://" + uriPath(p);
  }
}
