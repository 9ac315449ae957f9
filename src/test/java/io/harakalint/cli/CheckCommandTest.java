package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  @TempDir Path dir;

  private Path tree(String... pathsAndContents) throws IOException {
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      Path p = dir.resolve(pathsAndContents[i]);
      Files.createDirectories(p.getParent());
      Files.writeString(p, pathsAndContents[i + 1], StandardCharsets.UTF_8);
    }
    return dir;
  }

  @Test
  void textOutputHasFileLineColumnSeverityRuleAndSummary() throws IOException {
    tree("config/relay.ini", "; open\n[relay]\nall=true\n", "config/plugins", "relay\nrcpt_to.in_host_list\nqueue/smtp_forward\n");
    CliRunner r = CliRunner.run("check", dir.toString());
    assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
    assertThat(r.out()).contains("config/relay.ini:3:5: critical [HL201] [relay] all=true");
    assertThat(r.out()).contains("    why: ").contains("    fix: ");
    assertThat(r.out()).containsPattern("1 finding \\(1 critical\\) in 2 files; Haraka 3\\.3\\.4");
    assertThat(r.out()).doesNotContain("\u001b[");
  }

  @Test
  void jsonFollowsTheContract() throws IOException {
    tree("config/relay.ini", "[relay]\nall=true\n", "config/plugins", "relay\n");
    CliRunner r = CliRunner.run("check", "--format", "json", "--haraka-version", "3.1.6", dir.toString());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.at("/tool/name").asText()).isEqualTo("haraka-lint");
    assertThat(j.at("/target/harakaVersion").asText()).isEqualTo("3.1.6");
    JsonNode f = j.at("/findings/0");
    for (String field : new String[] {"ruleId", "severity", "title", "message", "file", "line", "column", "fingerprint", "fix"}) {
      assertThat(f.has(field)).as(field).isTrue();
    }
    assertThat(f.get("file").asText()).isEqualTo("config/relay.ini");
    assertThat(f.get("line").asInt()).isEqualTo(2);
    assertThat(f.at("/fix/behaviourChange").asText()).contains("relaying is then granted only by AUTH");
    assertThat(f.at("/fix/edits/0/replacement").asText()).isEqualTo("false");
    assertThat(j.at("/summary/critical").asInt()).isEqualTo(1);
    assertThat(j.at("/summary/filesScanned").asInt()).isEqualTo(2);
  }

  @Test
  void severalFormatsFromOneRunAndReportsAreReadable() throws IOException {
    tree("config/relay.ini", "[relay]\nall=true\n", "config/plugins", "relay\n");
    Path sarif = dir.resolve("out/a.sarif");
    CliRunner r = CliRunner.run("check", "--format", "sarif", "--output", sarif.toString(), "--format", "json",
        "--fail-on", "none", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).at("/findings/0/ruleId").asText()).isEqualTo("HL201");
    assertThat(new ObjectMapper().readTree(Files.readString(sarif)).at("/version").asText()).isEqualTo("2.1.0");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(sarif))).isEqualTo("rw-r--r--");
    assertThat(CliRunner.run("check", "--format", "json", "--format", "text", dir.toString()).code()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void failOnDecidesTheExitCode() throws IOException {
    tree("config/plugins", "relay\nrelay\n"); // duplicate: medium
    assertThat(CliRunner.run("check", dir.toString()).code()).isEqualTo(ExitCode.OK);
    assertThat(CliRunner.run("check", "--fail-on", "medium", dir.toString()).code()).isEqualTo(ExitCode.FINDINGS);
    assertThat(CliRunner.run("check", "--fail-on", "none", dir.toString()).code()).isEqualTo(ExitCode.OK);
  }

  @Test
  void badOptionValuesAreUsageErrors() throws IOException {
    tree("config/plugins", "relay\n");
    CliRunner r = CliRunner.run("check", "--fail-on", "loud", dir.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith("haraka-lint: --fail-on: 'loud'").doesNotContain("Exception");
    assertThat(CliRunner.run("check", "--haraka-version", "three", dir.toString()).code()).isEqualTo(ExitCode.USAGE);
    assertThat(CliRunner.run("check", "--format", "xml", dir.toString()).code()).isEqualTo(ExitCode.USAGE);
    assertThat(CliRunner.run("check", "--no-such-option").code()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void helpListsExitCodesAndVersionPrints() {
    CliRunner help = CliRunner.run("check", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Exit codes:").contains("1   findings at or above --fail-on");
    assertThat(CliRunner.run("--version").out()).startsWith("haraka-lint ");
  }
}
