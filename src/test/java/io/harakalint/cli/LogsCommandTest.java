package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harakalint.tls.HandshakePredictor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code haraka-lint logs} on the real Haraka logs in src/test/resources/logs/ (see NOTES.md there);
 * {@link #assertPlayedScenario} is also what LogsLiveTest asserts on a fresh log.
 */
public class LogsCommandTest {
  static final Path DIR = Path.of("src/test/resources/logs");
  static final String TREE = DIR.resolve("tree").toString();
  static final ObjectMapper JSON = new ObjectMapper();

  /** The sessions of LogScenarios.play, judged on 2027-01-05 (ten days before the waivers end). */
  public static void assertPlayedScenario(Path log, String harakaVersion) {
    CliRunner r = CliRunner.run("logs", TREE, log.toString(), "--format", "json", "--today", "2027-01-05", "--heavy-use", "3");
    assertThat(r.code()).as("%s on Haraka %s: %s%s", log, harakaVersion, r.out(), r.err()).isEqualTo(ExitCode.FINDINGS);
    JsonNode j = json(r.out());
    String why = log + " (Haraka " + harakaVersion + ")";
    assertThat(j.at("/summary/malformedLines").asLong()).as(why).isZero();
    assertThat(j.at("/summary/sessions").asLong()).as(why).isEqualTo(18);
    assertThat(j.at("/summary/unfinishedSessions").asLong()).as(why).isZero();

    JsonNode acl = client(j, "198.18.0.10");
    assertThat(acl.at("/relay/aclRelays").asInt()).as(why).isEqualTo(3);
    assertThat(acl.at("/relay/aclRecipients").asInt()).as(why).isEqualTo(3);
    assertThat(acl.at("/exception").asText()).as(why).startsWith("198.18.0.10/32 (config/relay_acl_allow:1");

    JsonNode tls10 = client(j, "198.18.0.30");
    assertThat(tls10.at("/tls/failures/unsupported protocol/count").asInt()).as(why).isEqualTo(3);
    assertThat(tls10.at("/tls/failures/unsupported protocol/openssl").asText()).isEqualTo(HandshakePredictor.UNSUPPORTED_PROTOCOL);
    assertThat(texts(tls10.at("/tls/likelyProfiles"))).as(why).anyMatch(p -> p.startsWith("java-7u25 "));
    assertThat(client(j, "198.18.0.31").at("/tls/failures/no shared cipher/openssl").asText())
        .isEqualTo(HandshakePredictor.NO_SHARED_CIPHER);
    assertThat(client(j, "198.18.0.32").at("/tls/failures/client abort/count").asInt()).as(why).isEqualTo(1);
    assertThat(client(j, "198.18.0.11").at("/relay/refused").asInt()).as(why).isEqualTo(3);
    JsonNode brute = client(j, "198.18.0.20");
    assertThat(brute.at("/auth/failures").asInt()).as(why).isEqualTo(5);
    assertThat(brute.at("/auth/successes").asInt()).as(why).isZero();
    assertThat(brute.at("/auth/clearText").asInt()).as(why).isZero();
    assertThat(brute.at("/tls/ok").asInt()).as(why).isEqualTo(5);
    JsonNode priv = client(j, "10.1.2.3");
    assertThat(priv.at("/private").asBoolean()).isTrue();
    assertThat(priv.at("/auth/successes").asInt()).as(why).isEqualTo(1);
    assertThat(priv.at("/auth/clearText").asInt()).as(why).isEqualTo(1);
    assertThat(texts(j.at("/clients"), "ip")).as("a client that did nothing worth a look is not listed").doesNotContain("198.18.0.40");

    assertThat(decisions(j)).as(why).containsExactly(
        "act expiring-in-use 198.18.0.10/32",
        "act legacy-client-candidate 198.18.0.30",
        "act auth-brute-force 198.18.0.20",
        "act remove-exception 198.18.0.12/32",
        "review auth-clear-text 10.1.2.3",
        "review relay-probing 198.18.0.11");
    JsonNode expiring = j.at("/decisions/0");
    assertThat(expiring.at("/owner").asText()).isEqualTo("billing-team@example.com");
    assertThat(expiring.at("/where").asText()).startsWith("config/relay_acl_allow:1");
    assertThat(expiring.at("/text").asText()).contains("legacy-198.18.0.10", "2027-01-15", "in 10 day(s)");
    assertThat(j.at("/decisions/1/text").asText()).contains("haraka-lint legacy-client --ip 198.18.0.30");
    assertThat(j.at("/acl/0/waiver/name").asText()).isEqualTo("legacy-198.18.0.10");
    assertThat(j.at("/acl/1/relays").asInt()).isZero();
  }

  /** LogScenarios.playFloor, joined with the tree as that server ran it (minVersion=TLSv1). */
  public static void assertFloorScenario(Path log) {
    Path tree = copyTree();
    try {
      Files.writeString(tree.resolve("config/tls.ini"), "[main]\nminVersion=TLSv1\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CliRunner r = CliRunner.run("logs", tree.toString(), log.toString(), "--format", "json", "--today", "2026-12-08");
    JsonNode j = json(r.out());
    JsonNode c = client(j, "198.18.0.33");
    assertThat(c.at("/tls/failures/no suitable signature algorithm/count").asInt()).as(r.out()).isEqualTo(3);
    assertThat(c.at("/tls/failures/no suitable signature algorithm/openssl").asText()).isEqualTo(HandshakePredictor.NO_SUITABLE_SIGALG);
    assertThat(texts(c.at("/tls/likelyProfiles"))).as("the compat engine predicts the same error for TLS 1.0 clients").isNotEmpty();
    assertThat(c.at("/tls/change").asText()).contains("@SECLEVEL=0");
    assertThat(decisions(j)).contains("act legacy-client-candidate 198.18.0.33");
  }

  @ParameterizedTest
  @ValueSource(strings = {"haraka-3.3.4-default.log", "haraka-3.3.4-json.log", "haraka-3.3.4-logfmt.log", "haraka-2.8.28-default.log"})
  void readsEachFormatOfRealHarakaTheSame(String fixture) {
    assertPlayedScenario(DIR.resolve(fixture), fixture.split("-")[1]);
  }

  @Test
  void tlsFloorOfTls1FailsOnSignatureAlgorithms() {
    assertFloorScenario(DIR.resolve("haraka-3.3.4-floor.log"));
  }

  @Test
  void timestampsGiveTheWindowAndTheTimes() {
    JsonNode j = json(CliRunner.run("logs", TREE, DIR.resolve("haraka-3.3.4-json.log").toString(), "--format", "json").out());
    assertThat(j.at("/summary/firstTime").asText()).startsWith("2026-12-08T");
    assertThat(j.at("/window").asText()).contains(" to ");
    assertThat(client(j, "198.18.0.10").at("/relay/aclLast/time").asText()).startsWith("2026-12-08T");
    assertThat(j.at("/summary/formats/json").asLong()).isPositive();
  }

  @Test
  void readsGzipByItsMagicBytesAndStandardInput(@TempDir Path tmp) throws IOException {
    byte[] gz = gzip(Files.readAllBytes(DIR.resolve("haraka-3.3.4-default.log")));
    Path rotated = tmp.resolve("haraka.log.1"); // no .gz: the magic bytes decide
    Files.write(rotated, gz);
    JsonNode j = json(CliRunner.run("logs", TREE, rotated.toString(), "--format", "json").out());
    assertThat(j.at("/summary/sources/0/gzip").asBoolean()).isTrue();
    assertThat(j.at("/summary/sessions").asLong()).isEqualTo(18);

    InputStream before = System.in;
    try {
      System.setIn(new ByteArrayInputStream(gz));
      JsonNode s = json(CliRunner.run("logs", TREE, "-", "--format", "json").out());
      assertThat(s.at("/summary/sources/0/name").asText()).isEqualTo("-");
      assertThat(s.at("/summary/sessions").asLong()).isEqualTo(18);
    } finally {
      System.setIn(before);
    }
  }

  @Test
  void unknownMalformedAndOverlongLinesAreCountedAndSkipped(@TempDir Path tmp) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(DIR.resolve("haraka-3.3.4-default.log")));
    lines.add(0, "random text from another program");
    lines.add(1, "{\"level\":\"INFO\",\"uuid\":\"cut-in-the-mid");
    lines.add(2, "{\"level\":\"LOUD\",\"uuid\":\"-\",\"origin\":\"core\",\"message\":\"x\"}");
    lines.add(3, "[NOTICE] " + "x".repeat(70_000));
    Path log = tmp.resolve("mixed.log");
    Files.write(log, lines);
    CliRunner r = CliRunner.run("logs", TREE, log.toString(), "--format", "json");
    assertThat(r.err()).isEmpty();
    JsonNode j = json(r.out());
    assertThat(j.at("/summary/malformedLines").asLong()).isEqualTo(3);
    // The fixture's own 5 (start-up chatter, "loaded TLD files", "loaded Public Suffixes"), and ours.
    assertThat(j.at("/summary/unknownLines").asLong()).isEqualTo(5 + 1);
    assertThat(j.at("/summary/sessions").asLong()).isEqualTo(18);
    assertThat(CliRunner.run("logs", TREE, log.toString()).out()).contains("6 unknown and 3 malformed line(s) skipped");
  }

  @Test
  void capsTheAddressesTrackedAndCountsTheRest() {
    JsonNode j = json(CliRunner.run("logs", TREE, DIR.resolve("haraka-3.3.4-default.log").toString(), "--format", "json",
        "--max-ips", "2").out());
    assertThat(j.at("/summary/addresses").asInt()).isEqualTo(2);
    assertThat(j.at("/summary/maxAddresses").asInt()).isEqualTo(2);
    assertThat(j.at("/summary/sessionsBeyondCap").asLong()).isEqualTo(18 - 3 - 3); // .10 and .30 came first, 3 sessions each
  }

  @Test
  void listsTheMostUrgentAddressesAndCountsTheOtherDecisions() {
    CliRunner r = CliRunner.run("logs", TREE, DIR.resolve("haraka-3.3.4-default.log").toString(), "--format", "json",
        "--max-listed", "2");
    JsonNode j = json(r.out());
    assertThat(texts(j.at("/clients"), "ip")).containsExactly("198.18.0.20", "198.18.0.30"); // both act; the busier first
    assertThat(j.at("/omittedDecisions").toString()).isEqualTo("{\"review auth-clear-text\":1,\"review relay-probing\":1}");
    assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
  }

  @Test
  void withoutATreeJudgesAgainstHarakasTlsDefaultsAndJoinsNoAcl() {
    CliRunner r = CliRunner.run("logs", DIR.resolve("haraka-3.3.4-default.log").toString(), "--format", "json");
    JsonNode j = json(r.out());
    assertThat(j.at("/config").isNull()).isTrue();
    assertThat(j.at("/acl")).isEmpty();
    assertThat(decisions(j)).contains("act legacy-client-candidate 198.18.0.30").noneMatch(d -> d.contains("exception"));
  }

  @Test
  void textPutsTheDecisionsFirst() {
    CliRunner r = CliRunner.run("logs", TREE, DIR.resolve("haraka-3.3.4-default.log").toString(), "--today", "2027-01-05",
        "--heavy-use", "3");
    assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
    String out = r.out();
    assertThat(out).startsWith("haraka-lint logs: 4 action(s), 2 to review;");
    assertThat(out.indexOf("\nDecisions\n")).isLessThan(out.indexOf("\nrelay_acl_allow entries\n"))
        .isLessThan(out.indexOf("\nClients\n"));
    assertThat(out).contains("  ACT    expiring-in-use 198.18.0.10/32 (config/relay_acl_allow:1:1) owner: billing-team@example.com");
  }

  @Test
  void nothingToActOnExitsZero(@TempDir Path tmp) throws IOException {
    Path log = tmp.resolve("quiet.log");
    List<String> all = Files.readAllLines(DIR.resolve("haraka-3.3.4-default.log"));
    // The sessions of 198.18.0.10 only (it relays through its waived exception, far from the expiry).
    java.util.Set<String> sessions = new java.util.HashSet<>();
    for (String l : all) if (l.contains("src_ip=198.18.0.10:")) sessions.add(l.substring(l.indexOf("] [") + 3, l.indexOf("] [") + 39));
    Files.write(log, all.stream().filter(l -> sessions.stream().anyMatch(l::contains)).toList());
    CliRunner r = CliRunner.run("logs", TREE, log.toString(), "--today", "2026-12-08", "--format", "json");
    assertThat(r.code()).as(r.out()).isEqualTo(ExitCode.FINDINGS);
    assertThat(decisions(json(r.out()))).as("198.18.0.12 still relays for nobody").containsExactly("act remove-exception 198.18.0.12/32");
    Path tree = copyTree();
    Files.writeString(tree.resolve("config/relay_acl_allow"), "198.18.0.10/32\n");
    CliRunner quiet = CliRunner.run("logs", tree.toString(), log.toString(), "--today", "2026-12-08");
    assertThat(quiet.code()).as(quiet.out()).isEqualTo(ExitCode.OK);
    assertThat(quiet.out()).startsWith("haraka-lint logs: 0 action(s), 0 to review; 3 session(s) from 1 address(es)");
  }

  @Test
  void badInputIsOneLineAndExitTwo(@TempDir Path tmp) {
    CliRunner missing = CliRunner.run("logs", TREE, tmp.resolve("nope.log").toString());
    assertThat(missing.code()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).startsWith("haraka-lint: ").endsWith("no such log file\n").doesNotContain("Exception");
    assertThat(CliRunner.run("logs", TREE).err()).isEqualTo("haraka-lint: no log file given (a path, or - for standard input)\n");
    assertThat(CliRunner.run("logs", TREE, "-", "-").code()).isEqualTo(ExitCode.USAGE);
    assertThat(CliRunner.run("logs", "--format", "xml", "x.log").err()).contains("is not one of text, json, markdown, html");
  }

  @Test
  void markdownAndHtmlAreTheTemplatedSection() {
    String log = DIR.resolve("haraka-3.3.4-default.log").toString();
    String md = CliRunner.run("logs", TREE, log, "--format", "markdown").out();
    assertThat(md).startsWith("## Haraka logs: ").contains("| **act** | legacy-client-candidate | `198.18.0.30` |");
    String html = CliRunner.run("logs", TREE, log, "--format", "html").out();
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<section class=\"logs\" id=\"logs\">", "198.18.0.30");
  }

  @Test
  void checkIncludesTheLogsSectionOnlyWhenAsked() {
    String log = DIR.resolve("haraka-3.3.4-default.log").toString();
    String html = CliRunner.run("check", TREE, "--logs", log, "--format", "html", "--fail-on", "none").out();
    assertThat(html).contains("<a href=\"#logs\">Haraka logs</a>", "<section class=\"logs\" id=\"logs\">", "legacy-client-candidate");
    String md = CliRunner.run("check", TREE, "--logs", log, "--format", "markdown", "--fail-on", "none").out();
    assertThat(md).contains("## Haraka logs: ", "relay_acl_allow entries");
    assertThat(CliRunner.run("check", TREE, "--format", "html", "--fail-on", "none").out()).doesNotContain("id=\"logs\"");
    assertThat(CliRunner.run("check", TREE, "--format", "markdown", "--fail-on", "none").out()).doesNotContain("## Haraka logs");
  }

  /** AUTH blobs and passwords planted where Haraka can log them (PROTOCOL, DEBUG, JSON, fields) reach no output. */
  @Test
  void secretsInTheLogReachNoOutputFormat(@TempDir Path tmp) throws IOException {
    String password = "s3cret-Passw0rd";
    String blob = java.util.Base64.getEncoder().encodeToString(("\0alice\0" + password).getBytes(StandardCharsets.UTF_8));
    String uuid = "11111111-2222-3333-4444-555555555555";
    List<String> lines = new ArrayList<>(Files.readAllLines(DIR.resolve("haraka-3.3.4-default.log")));
    lines.addAll(List.of(
        "[NOTICE] [" + uuid + "] [core] connect ip=127.0.0.1 port=1 local_ip=127.0.0.1 local_port=25",
        "[INFO] [" + uuid + "] [core] HAProxy proto=TCP4 src_ip=" + password + ":1 dst_ip=127.0.0.1:25",
        "[PROTOCOL] [" + uuid + "] [core] C: AUTH PLAIN " + blob,
        "[DEBUG] [" + uuid + "] [auth/flat_file] checking password " + password + " for alice",
        "[INFO] [" + uuid + "] [core]  hook=unrecognized_command plugin=auth/flat_file function=x params=\"AUTH PLAIN " + blob
            + "\" retval=OK msg=\"" + password + "\"",
        "[INFO] [" + uuid + "] [core] client connection error: Error: " + password + " SSL routines:" + password,
        "{\"level\":\"PROTOCOL\",\"uuid\":\"" + uuid + "\",\"origin\":\"core\",\"message\":\"C: AUTH PLAIN " + blob + "\"}",
        "level=DEBUG uuid=" + uuid + " origin=auth/flat_file message=\"password " + password + "\"",
        "[NOTICE] [" + uuid + "] [core] disconnect ip=" + password + " relay=Y rcpts=1/0/0 lr=\"" + password + "\""));
    Path log = tmp.resolve("secrets.log");
    Files.write(log, lines);
    for (String format : List.of("text", "json", "markdown", "html")) {
      CliRunner r = CliRunner.run("logs", TREE, log.toString(), "--format", format);
      assertThat(r.out() + r.err()).as(format).doesNotContain(password, blob, "correct-horse-battery").contains("198.18.0.30");
    }
    for (String format : List.of("markdown", "html")) {
      CliRunner r = CliRunner.run("check", TREE, "--logs", log.toString(), "--format", format, "--fail-on", "none");
      assertThat(r.out() + r.err()).as("check --logs " + format).doesNotContain(password, blob, "correct-horse-battery")
          .contains("198.18.0.30");
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  static JsonNode client(JsonNode report, String ip) {
    for (JsonNode c : report.at("/clients")) if (c.at("/ip").asText().equals(ip)) return c;
    throw new AssertionError("no client " + ip + " in " + report.at("/clients"));
  }

  static List<String> decisions(JsonNode report) {
    List<String> out = new ArrayList<>();
    for (JsonNode d : report.at("/decisions")) {
      out.add(d.at("/level").asText() + " " + d.at("/kind").asText() + " " + d.at("/subject").asText());
    }
    return out;
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static List<String> texts(JsonNode array, String key) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.at("/" + key).asText()));
    return out;
  }

  static Path copyTree() {
    try {
      Path to = Files.createTempDirectory("haraka-lint-logs-tree-");
      Path from = Path.of(TREE);
      try (Stream<Path> s = Files.walk(from)) {
        for (Path p : s.filter(Files::isRegularFile).toList()) {
          Path t = to.resolve(from.relativize(p).toString());
          Files.createDirectories(t.getParent());
          Files.copy(p, t);
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(b)) {
      z.write(data);
    }
    return b.toByteArray();
  }
}
