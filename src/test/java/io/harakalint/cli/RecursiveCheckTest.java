package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check --recursive: a hosting provider's folder of customer trees, linted concurrently and streamed. */
class RecursiveCheckTest {
  private static final Path HARDENED = Path.of("samples/hardened");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** 12 clean customers, two with mistakes, one nested deeper, and things the walk must not enter. */
  @BeforeEach
  void customers() throws IOException {
    for (int i = 0; i < 12; i++) copyHardened(dir.resolve("customers/c" + i));
    Path openRelay = dir.resolve("customers/c3/config/relay.ini");
    Files.writeString(openRelay, Files.readString(openRelay).replace("all=false", "all=true"));
    Path comment = dir.resolve("customers/c7/config/relay.ini");
    Files.writeString(comment, Files.readString(comment).replace("acl=true", "acl=true ; office"));
    copyHardened(dir.resolve("eu/west/big-customer"));
    // A bare config folder (no Haraka root above it) is a tree too.
    write("legacy/config-only/plugins", "relay\nrcpt_to.in_host_list\nqueue/smtp_forward\n");
    write("legacy/config-only/relay.ini", "[relay]\nacl=true\n");
    // Not trees, or not to be entered: a node_modules holding a package's shipped config, a .git.
    write("customers/c0/node_modules/haraka-plugin-x/config/plugins", "bogus\n");
    write("tools/node_modules/pkg/config/smtp.ini", "[main]\n");
    write("tools/.git/config/plugins", "x\n");
    write("notes/README", "nothing here\n");
  }

  @Test
  void jsonLinesNameTheTreeOnEveryLineAndEndWithASummary() throws IOException {
    CliRunner r = CliRunner.run("check", "--recursive", "--format", "jsonl", dir.toString());
    assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
    List<JsonNode> lines = parseLines(r.out());
    Set<String> trees = new TreeSet<>();
    List<JsonNode> findings = new ArrayList<>();
    for (JsonNode l : lines) {
      switch (l.get("type").asText()) {
        case "tree" -> trees.add(relative(l.get("tree").asText()));
        // Hardened trees keep their keys under /etc: an info note says those were not read.
        case "finding" -> {
          if (!l.get("severity").asText().equals("info")) findings.add(l);
        }
        default -> { }
      }
    }
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < 12; i++) expected.add("customers/c" + i);
    expected.add("eu/west/big-customer");
    expected.add("legacy/config-only");
    assertThat(trees).isEqualTo(expected);
    assertThat(findings).anySatisfy(f -> {
      assertThat(relative(f.get("tree").asText())).isEqualTo("customers/c3");
      assertThat(f.get("ruleId").asText()).isEqualTo("HL201");
      assertThat(f.get("file").asText()).isEqualTo("config/relay.ini");
      assertThat(f.get("line").asInt()).isPositive();
      assertThat(f.get("why").asText()).isNotBlank();
      assertThat(f.get("remediation").asText()).isNotBlank();
    });
    assertThat(findings).anySatisfy(f -> {
      assertThat(relative(f.get("tree").asText())).isEqualTo("customers/c7");
      assertThat(f.get("ruleId").asText()).isEqualTo("HL102");
    });
    // Only the two broken customers and the bare config folder have anything to say.
    assertThat(findings).allSatisfy(f -> assertThat(relative(f.get("tree").asText()))
        .isIn("customers/c3", "customers/c7", "legacy/config-only"));
    JsonNode summary = lines.get(lines.size() - 1);
    assertThat(summary.get("type").asText()).isEqualTo("summary");
    assertThat(summary.get("trees").asInt()).isEqualTo(14);
    assertThat(summary.get("findings").asInt()).isGreaterThanOrEqualTo(findings.size());
    assertThat(summary.get("errors").asInt()).isZero();
  }

  @Test
  void everyTreesFindingsArePrecededByNothingOfAnotherTreeInItsLine() throws IOException {
    // Lines from trees linted at once interleave only as whole lines: each parses on its own.
    CliRunner r = CliRunner.run("check", "-r", "--jobs", "4", "--format", "jsonl", dir.toString());
    assertThat(r.out().lines().count()).isEqualTo(parseLines(r.out()).size());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void textStreamsEachTreeAndEndsWithTotals() {
    CliRunner r = CliRunner.run("check", "--recursive", "--jobs", "2", dir.resolve("customers").toString());
    assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
    assertThat(r.out()).containsPattern("customers/c3: \\d+ findings? \\(1 critical").contains("[HL201]");
    assertThat(r.out()).containsPattern("12 trees checked in [0-9.]+ s: \\d+ findings, 2 trees failing, 0 not lintable");
  }

  @Test
  void cleanTreesExitZero() {
    CliRunner r = CliRunner.run("check", "--recursive", "--format", "jsonl", dir.resolve("customers/c1").toString(),
        dir.resolve("eu").toString());
    assertThat(r.code()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).doesNotContain("\"severity\":\"critical\"").doesNotContain("\"severity\":\"high\"")
        .doesNotContain("\"severity\":\"medium\"").contains("\"trees\":2");
  }

  @Test
  void documentFormatsGetEveryTreeInPathOrder() throws IOException {
    CliRunner r = CliRunner.run("check", "--recursive", "--format", "json", dir.resolve("customers").toString());
    JsonNode all = JSON.readTree(r.out());
    assertThat(all.isArray()).isTrue();
    assertThat(all.size()).isEqualTo(12);
    List<String> order = new ArrayList<>();
    all.forEach(t -> order.add(t.at("/target/path").asText()));
    assertThat(order).isSorted();
  }

  @Test
  void aTreeThatCannotBeLintedIsReportedCountedAndExitsTwo() throws IOException {
    // Nothing in it can be read: its only config file is past the size cap (a sparse 9 MiB file).
    Path config = dir.resolve("customers/c5/config");
    try (Stream<Path> s = Files.walk(config)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Files.createDirectories(config);
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(config.resolve("plugins").toFile(), "rw")) {
      f.setLength(9L * 1024 * 1024);
    }
    CliRunner r = CliRunner.run("check", "--recursive", "--format", "jsonl", dir.resolve("customers").toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    List<JsonNode> lines = parseLines(r.out());
    assertThat(lines).anySatisfy(l -> {
      assertThat(l.get("type").asText()).isEqualTo("error");
      assertThat(relative(l.get("tree").asText())).isEqualTo("customers/c5");
      assertThat(l.get("message").asText()).contains("no config file could be read");
    });
    assertThat(lines.get(lines.size() - 1).get("errors").asInt()).isEqualTo(1);
  }

  @Test
  void refusesCombinationsThatMakeNoSense() {
    assertThat(CliRunner.run("check", "--recursive", "--staged", dir.toString()).err())
        .contains("--recursive reads folders on disk");
    CliRunner jobs = CliRunner.run("check", "--jobs", "2", dir.toString());
    assertThat(jobs.code()).isEqualTo(ExitCode.USAGE);
    assertThat(jobs.err()).contains("--jobs: needs --recursive");
    CliRunner notDir = CliRunner.run("check", "--recursive", dir.resolve("nope").toString());
    assertThat(notDir.code()).isEqualTo(ExitCode.USAGE);
    assertThat(notDir.err()).contains("not a folder").doesNotContain("Exception");
  }

  private static List<JsonNode> parseLines(String out) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.split("\n")) if (!line.isBlank()) nodes.add(JSON.readTree(line));
    return nodes;
  }

  private String relative(String tree) {
    return dir.relativize(Path.of(tree)).toString().replace('\\', '/');
  }

  private void write(String rel, String content) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  private static void copyHardened(Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(HARDENED)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path dest = to.resolve(HARDENED.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(dest);
        else if (!p.getFileName().toString().equals("expected-findings.txt")) Files.copy(p, dest);
      }
    }
  }
}
