package io.harakalint.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.harakalint.git.CommitInfo;
import io.harakalint.rules.Finding;
import io.harakalint.rules.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The findings at the head of a history, each with the commit that introduced it: the oldest commit
 * of its last unbroken run of presence along the first-parent chain.
 *
 * @param since the --since commit, or null when the walk started at the root commit
 * @param commits how many commits were walked (the --since commit not included)
 */
public record HistoryReport(String toolVersion, CommitInfo head, CommitInfo since, int commits, List<Tree> trees) {

  /** One Haraka tree of the repository and its findings at the head. */
  public record Tree(String target, List<Introduced> findings) {}

  /** A finding and its introducing commit; {@code commit} is null when it was already there at --since. */
  public record Introduced(Finding finding, CommitInfo commit) {}

  public boolean failsAt(Severity threshold) {
    return threshold != null && trees.stream().flatMap(t -> t.findings().stream()).map(Introduced::finding)
        .anyMatch(f -> f.counts() && f.severity().atLeast(threshold));
  }

  public void writeText(PrintWriter out) {
    String at = head.shortId();
    for (Tree t : trees) {
      for (Introduced i : t.findings()) {
        Finding f = i.finding();
        out.println(f.span() + ": " + f.severity().label() + (f.counts() ? "" : " (waived)") + " [" + f.ruleId() + "] "
            + f.message());
        CommitInfo c = i.commit();
        out.println(c == null
            ? "    introduced: at or before " + since.shortId() + " (--since)"
            : "    introduced: " + c.shortId() + " " + c.authorDate() + " " + c.authorName() + " <" + c.authorEmail() + "> "
                + c.subject());
      }
      int n = t.findings().size();
      out.println(t.target() + ": " + (n == 0 ? "no findings" : n == 1 ? "1 finding" : n + " findings") + " at " + at
          + ", " + commits + (commits == 1 ? " commit" : " commits") + " linted"
          + (since == null ? " from the root commit" : " since " + since.shortId()));
    }
  }

  /** One JSON document. */
  public void writeJson(PrintWriter out) {
    try (JsonGenerator g = generator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeObjectFieldStart("tool");
      g.writeStringField("name", "haraka-lint");
      g.writeStringField("version", toolVersion);
      g.writeEndObject();
      g.writeFieldName("head");
      commit(g, head);
      g.writeFieldName("since");
      commit(g, since);
      g.writeNumberField("commits", commits);
      g.writeArrayFieldStart("trees");
      for (Tree t : trees) {
        g.writeStartObject();
        g.writeStringField("target", t.target());
        g.writeArrayFieldStart("findings");
        for (Introduced i : t.findings()) introduced(g, i);
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One JSON object per finding and line, for scripts that stream (jq -c, log shippers). */
  public void writeJsonl(PrintWriter out) {
    try {
      for (Tree t : trees) {
        for (Introduced i : t.findings()) {
          try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeStringField("target", t.target());
            g.writeStringField("head", head.id());
            g.writeFieldName("finding");
            JsonReporter.writeFinding(g, i.finding());
            g.writeFieldName("introduced");
            commit(g, i.commit());
            g.writeEndObject();
          }
          out.write('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonGenerator generator(PrintWriter out) throws IOException {
    return new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out);
  }

  private static void introduced(JsonGenerator g, Introduced i) throws IOException {
    g.writeStartObject();
    g.writeFieldName("finding");
    JsonReporter.writeFinding(g, i.finding());
    g.writeFieldName("introduced");
    commit(g, i.commit());
    g.writeEndObject();
  }

  private static void commit(JsonGenerator g, CommitInfo c) throws IOException {
    if (c == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeStringField("commit", c.id());
    g.writeStringField("shortCommit", c.shortId());
    g.writeStringField("authorName", c.authorName());
    g.writeStringField("authorEmail", c.authorEmail());
    g.writeStringField("authorDate", c.authorDate());
    g.writeStringField("subject", c.subject());
    g.writeEndObject();
  }
}
