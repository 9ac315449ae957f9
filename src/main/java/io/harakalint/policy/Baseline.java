package io.harakalint.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.harakalint.load.UserError;
import io.harakalint.rules.Finding;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Known findings, by fingerprint (rule, file and what the finding is about; never line numbers,
 * so the baseline survives edits elsewhere in a file). {@code check --baseline FILE} reports only
 * findings that are not in it.
 */
public final class Baseline {
  private static final JsonFactory JSON = new JsonFactory();
  private final Set<String> fingerprints;

  private Baseline(Set<String> fingerprints) {
    this.fingerprints = fingerprints;
  }

  public boolean contains(Finding f) {
    return fingerprints.contains(f.fingerprint());
  }

  public int size() {
    return fingerprints.size();
  }

  public static Baseline read(Path file) {
    Set<String> out = new LinkedHashSet<>();
    try (JsonParser p = JSON.createParser(Files.readAllBytes(file))) {
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("fingerprint")) {
          p.nextToken();
          out.add(p.getText());
        }
      }
    } catch (NoSuchFileException e) {
      throw new UserError("--baseline " + file + ": no such file (create it with 'haraka-lint baseline')");
    } catch (IOException e) {
      throw new UserError("--baseline " + file + ": not a haraka-lint baseline (" + e.getClass().getSimpleName() + ")");
    }
    return new Baseline(out);
  }

  /** Writes the fingerprints with rule and file beside each, so a reviewer can read the file. */
  public static void write(List<Finding> findings, Writer out) throws IOException {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort((a, b) -> a.fingerprint().compareTo(b.fingerprint()));
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("version", 1);
      g.writeArrayFieldStart("findings");
      Set<String> seen = new LinkedHashSet<>();
      for (Finding f : sorted) {
        if (!seen.add(f.fingerprint())) continue;
        g.writeStartObject();
        g.writeStringField("fingerprint", f.fingerprint());
        g.writeStringField("ruleId", f.ruleId());
        g.writeStringField("file", f.span().file());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }
}
