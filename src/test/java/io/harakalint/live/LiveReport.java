package io.harakalint.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The claims checked against live servers, and the report made of them: every test records rows
 * (scenario, claim, what haraka-lint expects, what the server did, whether they agree) through
 * {@link #check}, which also fails the test on a disagreement. When the whole test run ends (the
 * {@link Extension} keeps the report in JUnit's root store, whose AutoCloseable values are closed
 * last), the report is
 * written to {@code target/live-report.md} and a one-line summary is printed.
 */
public final class LiveReport {
  /** Whether a claim holds, and the evidence (findings, SMTP replies, log lines). */
  public record Verdict(boolean holds, String evidence) {
    public static Verdict of(boolean holds, String evidence) {
      return new Verdict(holds, evidence);
    }
  }

  /** One claim. {@code log} is the server's lines that show it (kept for disagreements). */
  public record Row(String scenario, String haraka, String claim, Verdict expected, Verdict observed, List<String> log) {
    public boolean agree() {
      return expected.holds() == observed.holds();
    }
  }

  private static final List<Row> ROWS = new ArrayList<>();
  private static final Set<String> INSTALLS = new LinkedHashSet<>();
  private static final Map<String, String> SERVERS = new LinkedHashMap<>();
  private static final List<String> SKIPPED = new ArrayList<>();
  private static long liveNanos;

  private LiveReport() {}

  /**
   * Records a claim and fails the test when haraka-lint and the server disagree.
   *
   * @param claim a sentence that is true or false of the live server ("198.18.0.11 may relay to an outside domain")
   * @param expected whether haraka-lint's findings say the claim holds, with the findings
   * @param observed whether the server showed it, with the replies or log lines
   */
  public static void check(HarakaServer server, String claim, Verdict expected, Verdict observed, List<String> log) {
    Row row = new Row(server.tree().scenario(), server.tree().install().version().toString(), claim, expected, observed,
        List.copyOf(log));
    synchronized (ROWS) {
      ROWS.add(row);
    }
    assertThat(row.agree()).as("live claim disagrees: [%s on Haraka %s] %s%n  haraka-lint: %s (%s)%n  live:        %s (%s)%n"
        + "  server log:%n    %s", row.scenario(), row.haraka(), claim, holds(expected), expected.evidence(),
        holds(observed), observed.evidence(), String.join("\n    ", log)).isTrue();
  }

  static void serverStarted(HarakaServer server) {
    synchronized (ROWS) {
      INSTALLS.add(server.tree().install().label());
      SERVERS.put(server.tree().scenario() + " (Haraka " + server.tree().install().version() + ")",
          (server.exited() ? "exited at start-up after " : "listening after ") + millis(server.startTime()) + " ms"
              + (server.tree().removedPlugins().isEmpty() ? ""
                  : "; the harness replaced or removed " + String.join(", ", server.tree().removedPlugins())));
    }
  }

  /** Records why the live tests cannot run here; true the first time a reason is given. */
  static boolean skipped(String reason) {
    synchronized (ROWS) {
      if (SKIPPED.contains(reason)) return false;
      SKIPPED.add(reason);
      return true;
    }
  }

  /**
   * Registers the report once per test run (it is written when JUnit closes its root store) and
   * adds up the time spent in live test classes.
   */
  public static final class Extension implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LiveReport.class);

    @Override
    public void beforeAll(ExtensionContext context) {
      context.getRoot().getStore(NS).getOrComputeIfAbsent("report", k -> new Writer(), Writer.class);
      context.getStore(NS).put("started", System.nanoTime());
    }

    @Override
    public void afterAll(ExtensionContext context) {
      Long started = context.getStore(NS).get("started", Long.class);
      if (started != null) {
        synchronized (ROWS) {
          liveNanos += System.nanoTime() - started;
        }
      }
    }
  }

  /** Writes the report at the end of the run. */
  static final class Writer implements AutoCloseable {
    @Override
    public void close() {
      long seconds = Math.round(liveNanos / 1e9);
      List<Row> rows;
      synchronized (ROWS) {
        rows = List.copyOf(ROWS);
      }
      long agree = rows.stream().filter(Row::agree).count();
      String versions = INSTALLS.stream().map(l -> l.replaceFirst("^Haraka (\\S+).*$", "$1")).reduce((a, b) -> a + " + " + b)
          .orElse("none");
      String summary = rows.isEmpty() && !SKIPPED.isEmpty()
          ? "live: skipped (" + String.join("; ", SKIPPED) + ")"
          : "live: " + rows.size() + " claims, " + agree + " agree, Haraka " + versions + ", took " + seconds + "s";
      Path out = HarakaInstall.projectRoot().resolve("target/live-report.md");
      try {
        Files.createDirectories(out.getParent());
        Files.writeString(out, markdown(rows, summary), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      System.out.println(summary + " (report: target/live-report.md)");
    }
  }

  static String markdown(List<Row> rows, String summary) {
    StringBuilder md = new StringBuilder();
    md.append("# haraka-lint against a live Haraka\n\n");
    md.append("Generated by `mvn verify` (`src/test/java/io/harakalint/live`): each scenario is started as a real Haraka ")
        .append("on 127.0.0.1 and probed over SMTP, and haraka-lint is run on the same tree. A claim agrees when ")
        .append("haraka-lint's findings and the server's behaviour say the same thing.\n\n");
    md.append("- Servers: ").append(INSTALLS.isEmpty() ? "none" : String.join(", ", INSTALLS)).append('\n');
    md.append("- Runtime: ").append(HarakaInstall.nodeVersions()).append(", Java ").append(System.getProperty("java.version"))
        .append('\n');
    md.append("- Result: ").append(summary).append('\n');
    for (String s : SKIPPED) md.append("- Skipped: ").append(s).append('\n');
    md.append("\n| scenario | Haraka | claim | haraka-lint expects | observed live | agree |\n|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append("| ").append(cell(r.scenario())).append(" | ").append(r.haraka()).append(" | ").append(cell(r.claim()))
          .append(" | ").append(cell(holds(r.expected()) + ": " + r.expected().evidence()))
          .append(" | ").append(cell(holds(r.observed()) + ": " + r.observed().evidence()))
          .append(" | ").append(r.agree() ? "yes" : "**NO**").append(" |\n");
    }
    List<Row> bad = rows.stream().filter(r -> !r.agree()).toList();
    if (!bad.isEmpty()) {
      md.append("\n## Disagreements\n");
      for (Row r : bad) {
        md.append("\n### ").append(r.scenario()).append(" (Haraka ").append(r.haraka()).append("): ").append(r.claim())
            .append("\n\n- haraka-lint: ").append(holds(r.expected())).append(": ").append(r.expected().evidence())
            .append("\n- live: ").append(holds(r.observed())).append(": ").append(r.observed().evidence())
            .append("\n\n```\n").append(String.join("\n", r.log())).append("\n```\n");
      }
    }
    md.append("\n## Servers started\n\n");
    SERVERS.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    return md.toString();
  }

  private static String holds(Verdict v) {
    return v.holds() ? "yes" : "no";
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
  }

  private static long millis(java.time.Duration d) {
    return d == null ? -1 : d.toMillis();
  }
}
