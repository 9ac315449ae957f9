package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy file, waivers that expire, inline waivers, --no-waivers, --today, baseline. */
class PolicyCliTest {
  @TempDir Path dir;

  private static final String WAIVER = """
      [waiver java8-billing]
      rule=HL303
      file=config/tls.ini
      entry=198.18.7.21
      reason=Billing app runs Java 8u161 until the vendor upgrade (OPS-812)
      owner=mail-team@example.com
      expires=2027-03-31
      """;

  private void write(String path, String text) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  @BeforeEach
  void seedTree() throws IOException {
    write("config/plugins", "tls\nauth/auth_proxy\nrcpt_to.in_host_list\nqueue/smtp_forward\n");
    write("config/tls.ini", "[main]\nkey=/etc/haraka/k.pem\ncert=/etc/haraka/c.pem\ndhparam=/etc/haraka/dh.pem\n\n[no_tls_hosts]\n198.18.7.21\n");
  }

  private JsonNode json(String... args) throws IOException {
    CliRunner r = CliRunner.run(args);
    return new ObjectMapper().readTree(r.out());
  }

  /** The HL303 finding (the tree's key files outside it also give an HL107 note). */
  private static JsonNode hl303(JsonNode report) {
    for (JsonNode f : report.at("/findings")) if (f.at("/ruleId").asText().equals("HL303")) return f;
    throw new AssertionError("no HL303 in " + report);
  }

  @Test
  void activeWaiverIsReportedAsWaivedAndDoesNotFail() throws IOException {
    write(".haraka-lint.ini", WAIVER);
    CliRunner r = CliRunner.run("check", "--today", "2026-12-01", dir.toString());
    assertThat(r.code()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("high (waived) [HL303]")
        .contains("waived until 2027-03-31 (mail-team@example.com, .haraka-lint.ini:1)")
        .contains("1 finding (1 info), 1 waived"); // the info: tls.ini names its key files outside the tree
    JsonNode j = json("check", "--format", "json", "--today", "2026-12-01", dir.toString());
    assertThat(hl303(j).at("/status").asText()).isEqualTo("waived");
    assertThat(hl303(j).at("/waiver/owner").asText()).isEqualTo("mail-team@example.com");
    assertThat(j.at("/summary/high").asInt()).isZero();
    assertThat(j.at("/summary/waived").asInt()).isEqualTo(1);
  }

  @Test
  void expiredWaiverFailsAgainAndSaysSo() throws IOException {
    write(".haraka-lint.ini", WAIVER);
    CliRunner r = CliRunner.run("check", "--today", "2027-04-01", dir.toString());
    assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
    assertThat(r.out()).contains("waiver expired on 2027-03-31").doesNotContain("(waived)");
    assertThat(hl303(json("check", "--format", "json", "--today", "2027-04-01", dir.toString())).at("/status").asText())
        .isEqualTo("waiver-expired");
  }

  @Test
  void noWaiversIgnoresThemAll() throws IOException {
    write(".haraka-lint.ini", WAIVER);
    assertThat(CliRunner.run("check", "--no-waivers", "--today", "2026-12-01", dir.toString()).code()).isEqualTo(ExitCode.FINDINGS);
  }

  @Test
  void incompleteWaiverIsAFindingAndWaivesNothing() throws IOException {
    write(".haraka-lint.ini", WAIVER.replace("owner=mail-team@example.com\n", ""));
    CliRunner r = CliRunner.run("check", "--today", "2026-12-01", dir.toString());
    assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
    assertThat(r.out()).contains(".haraka-lint.ini:1:1: high [HL901] Waiver 'java8-billing' has no owner")
        .contains("high [HL303]").doesNotContain("(waived)");
  }

  @Test
  void inlineWaiverCoversTheLineBelowIt() throws IOException {
    write("config/tls.ini", "[main]\nkey=/etc/haraka/k.pem\ncert=/etc/haraka/c.pem\ndhparam=/etc/haraka/dh.pem\n\n[no_tls_hosts]\n"
        + "; haraka-lint: allow HL303 until=2027-03-31 owner=mail-team@example.com reason=\"Java 8 billing app, OPS-812\"\n"
        + "198.18.7.21\n198.18.7.22\n");
    CliRunner r = CliRunner.run("check", "--today", "2026-12-01", dir.toString());
    assertThat(r.out()).contains("config/tls.ini:8:1: high (waived) [HL303]").contains("config/tls.ini:9:1: high [HL303]");
    write("config/tls.ini", "[no_tls_hosts]\n; haraka-lint: allow HL303 reason=\"later\"\n198.18.7.21\n");
    assertThat(CliRunner.run("check", dir.toString()).out()).contains("config/tls.ini:2:1: high [HL901] Inline waiver has no owner, no expiry date");
  }

  @Test
  void rulesCanBeSwitchedOffRegradedAndPathsExcluded() throws IOException {
    write(".haraka-lint.ini", "[rules]\nHL303=low\n");
    CliRunner r = CliRunner.run("check", dir.toString());
    assertThat(r.code()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("low [HL303]");
    write(".haraka-lint.ini", "[rules]\nHL303=off\n");
    assertThat(CliRunner.run("check", dir.toString()).out()).doesNotContain("HL303");
    write(".haraka-lint.ini", "[paths]\nexclude[]=config/tls.*\n");
    assertThat(CliRunner.run("check", dir.toString()).out()).doesNotContain("HL303");
  }

  @Test
  void thresholdsComeFromThePolicy() throws IOException {
    write("config/plugins", "relay\nrcpt_to.in_host_list\nqueue/smtp_forward\n");
    write("config/relay_acl_allow", "192.0.2.0/26\n");
    assertThat(CliRunner.run("check", dir.toString()).out()).doesNotContain("HL202");
    write(".haraka-lint.ini", "[thresholds]\nacl_min_prefix_v4=28\n");
    assertThat(CliRunner.run("check", dir.toString()).out()).contains("[HL202] '192.0.2.0/26' lets 64 addresses relay");
  }

  @Test
  void explicitPolicyFileAndBadDates() throws IOException {
    Path other = dir.resolve("elsewhere.ini");
    Files.writeString(other, "[rules]\nHL303=off\n");
    assertThat(CliRunner.run("check", "--policy", other.toString(), dir.toString()).out()).doesNotContain("HL303");
    assertThat(CliRunner.run("check", "--policy", dir.resolve("nope.ini").toString(), dir.toString()).code()).isEqualTo(ExitCode.USAGE);
    CliRunner bad = CliRunner.run("check", "--today", "31/03/2027", dir.toString());
    assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err()).contains("--today: '31/03/2027' is not a date");
  }

  @Test
  void baselineReportsOnlyNewFindingsAndSurvivesMovedLines() throws IOException {
    Path base = dir.resolve("base.json");
    CliRunner b = CliRunner.run("baseline", "-o", base.toString(), dir.toString());
    assertThat(b.code()).isZero();
    assertThat(Files.readString(base)).contains("\"ruleId\" : \"HL303\"").doesNotContain("198.18.7.21");
    // The same finding moves down three lines, and a new one appears.
    write("config/tls.ini", "; moved\n; down\n\n[main]\nkey=/etc/haraka/k.pem\ncert=/etc/haraka/c.pem\ndhparam=/etc/haraka/dh.pem\n\n[no_tls_hosts]\n"
        + "198.18.7.21\n198.18.7.99\n");
    CliRunner r = CliRunner.run("check", "--baseline", base.toString(), dir.toString());
    // In the baseline: HL303 for 198.18.7.21 and the note that the key files are outside the tree.
    assertThat(r.out()).contains("198.18.7.99").doesNotContain("198.18.7.21 gets").contains("2 in the baseline not shown");
    assertThat(CliRunner.run("check", "--baseline", dir.resolve("none.json").toString(), dir.toString()).code())
        .isEqualTo(ExitCode.USAGE);
  }

  @Test
  void rulesAndExplainCommands() throws IOException {
    CliRunner rules = CliRunner.run("rules");
    assertThat(rules.out()).contains("HL201  critical").contains("HL303  high");
    JsonNode j = new ObjectMapper().readTree(CliRunner.run("rules", "--format", "json").out());
    assertThat(j.size()).isGreaterThanOrEqualTo(27);
    assertThat(j.get(0).get("id").asText()).isEqualTo("HL101");
    CliRunner explain = CliRunner.run("explain", "hl201");
    assertThat(explain.out()).startsWith("HL201: relay.ini all=true makes an open relay")
        .contains("severity: critical").contains("WHY IT MATTERS").contains("--- config/relay.ini").doesNotContain("expect:");
    assertThat(CliRunner.run("explain", "HL999").code()).isEqualTo(ExitCode.USAGE);
  }
}
