package io.harakalint.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.harakalint.rules.Finding;
import io.harakalint.rules.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * GitLab Code Quality ({@code artifacts: reports: codequality}): a JSON array of the findings that
 * count, each with description, check_name, fingerprint, severity and a repository-relative
 * location. Waived findings are left out, as they do not fail the run.
 */
public final class GitlabReporter implements Reporter {
  @Override
  public void write(List<LintReport> reports, Writer out) throws IOException {
    // The writer is the caller's (standard output, or a file it closes): not closed here.
    try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartArray();
      for (LintReport r : reports) {
        for (Finding f : r.findings()) {
          if (!f.counts()) continue;
          String path = r.files().path(f.span().file());
          g.writeStartObject();
          g.writeStringField("type", "issue");
          g.writeStringField("check_name", f.ruleId());
          g.writeStringField("description", "[" + f.ruleId() + "] " + f.message());
          g.writeArrayFieldStart("categories");
          g.writeString("Security");
          g.writeEndArray();
          g.writeStringField("fingerprint", fingerprint(r, f));
          g.writeStringField("severity", severity(f.severity()));
          g.writeObjectFieldStart("location");
          g.writeStringField("path", path);
          g.writeObjectFieldStart("lines");
          g.writeNumberField("begin", f.span().line());
          g.writeEndObject();
          g.writeEndObject();
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeRaw('\n');
    }
  }

  /**
   * GitLab's severities. A critical finding here stops Haraka or opens the relay, so it blocks;
   * then one step down each.
   */
  static String severity(Severity s) {
    return switch (s) {
      case CRITICAL -> "blocker";
      case HIGH -> "critical";
      case MEDIUM -> "major";
      case LOW -> "minor";
      case INFO -> "info";
    };
  }

  /**
   * MD5 (the hash GitLab's documentation names) of the tree's folder and our fingerprint: the
   * fingerprint alone does not name the folder, and two trees in one repository would collapse
   * into one entry of the merge request widget.
   */
  static String fingerprint(LintReport r, Finding f) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md.digest((r.files().root() + "\u0000" + f.fingerprint()).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is always present", e);
    }
  }
}
