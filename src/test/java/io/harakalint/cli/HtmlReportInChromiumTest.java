package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of samples/legacy-java8 opened in a real browser: headless Chromium (Debian's
 * {@code chromium}, which .ci/run installs) takes a screenshot, kept as {@code target/report.png}
 * for people to look at, and dumps the DOM it built, which must hold the summary, the chart and the
 * findings. Skips, saying so, where Chromium is not installed.
 */
class HtmlReportInChromiumTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 90;

  @TempDir Path profile;

  private static List<String> chromium(Path profile, String... args) {
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--hide-scrollbars", "--user-data-dir=" + profile));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Runs Chromium with a bounded wait and kills it and its children by PID afterwards; returns its stdout. */
  private static String run(List<String> cmd, Path log) throws Exception {
    Path stdout = Files.createTempFile(log.getParent(), "chromium", ".out");
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(log.toFile()).start();
    try {
      boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertThat(done).as("chromium finished within %ss: %s", TIMEOUT_SECONDS, cmd).isTrue();
      return Files.readString(stdout, StandardCharsets.UTF_8);
    } finally {
      ProcessHandle h = p.toHandle();
      h.descendants().forEach(ProcessHandle::destroyForcibly);
      h.destroyForcibly();
      h.onExit().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void reportRendersWithSummaryChartAndFindings() throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      System.out.println("HtmlReportInChromiumTest: SKIPPED, " + CHROMIUM + " not found (apt-get install chromium; .ci/run does)");
      Assumptions.abort(CHROMIUM + " not found");
    }
    Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
    Path html = target.resolve("report.html");
    Path png = target.resolve("report.png");
    Files.deleteIfExists(png);
    CliRunner r = CliRunner.run("check", "--format", "html", "--output", html.toString(), "samples/legacy-java8");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.FINDINGS); // a critical and highs: the default --fail-on high fails
    String url = html.toUri().toString();

    run(chromium(profile, "--screenshot=" + png, "--window-size=1280,2000", url), target.resolve("chromium-screenshot.log"));
    assertThat(png).exists();
    try (InputStream in = Files.newInputStream(png); DataInputStream d = new DataInputStream(in)) {
      byte[] magic = new byte[8];
      d.readFully(magic);
      assertThat(magic).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
      d.readInt(); // IHDR length
      d.readInt(); // "IHDR"
      assertThat(d.readInt()).as("width").isEqualTo(1280);
      assertThat(d.readInt()).as("height").isEqualTo(2000);
    }
    assertThat(Files.size(png)).as("a page with content, not a blank one").isGreaterThan(50_000);

    String dom = run(chromium(profile, "--dump-dom", url), target.resolve("chromium-dom.log"));
    assertThat(dom).contains("<h1>haraka-lint audit report</h1>");
    assertThat(dom).contains("id=\"summary-0\"").contains("10 findings: the check fails (--fail-on high)");
    assertThat(dom).contains("<svg class=\"chart\"").contains("class=\"bar bar-critical\"");
    assertThat(dom).contains("<h4>config/tls.ini</h4>").contains("minVersion is 'TLSv1 ; for java8'")
        .contains("<span class=\"l hit\"><span class=\"n\">19</span>minVersion=TLSv1 ; for java8</span>");
    assertThat(dom).contains("id=\"rule-HL306\"");
    System.out.println("HtmlReportInChromiumTest: screenshot in " + png);
  }
}
