package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 5 §5: clients the operator promises to support become findings when they cannot connect. */
class RequiredClientsTest {
  @TempDir Path dir;

  private void write(String path, String text) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  @BeforeEach
  void harakaV3Defaults() throws IOException {
    write("config/plugins", "tls\n");
    write("config/tls.ini", "[main]\nkey=/etc/haraka/k.pem\ncert=/etc/haraka/c.pem\ndhparam=/etc/haraka/dh.pem\n");
  }

  @Test
  void theSeedCaseGivesTheSeedsExactErrorAndTheCostOfLettingItIn() {
    CliRunner r = CliRunner.run("check", "--no-color", "--require-clients", "javamail-1.4-java8", dir.toString());
    assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
    assertThat(r.out()).contains("[HL314] 'javamail-1.4-java8'")
        .contains("SSL routines:tls_early_post_process_client_hello:unsupported protocol")
        .contains("minVersion=TLSv1 and ciphers=DEFAULT:@SECLEVEL=0")
        .contains("[outbound] inherits [main]");
  }

  @Test
  void policyNamesTheClientsAndAModernOneIsFine() throws IOException {
    write(".haraka-lint.ini", "[compat]\nrequire_clients[]=java-8u291\nrequire_clients[]=javamail-1.4-java8\nnode_version=20\n");
    CliRunner r = CliRunner.run("check", "--no-color", dir.toString());
    assertThat(r.out()).contains("'javamail-1.4-java8'").doesNotContain("'java-8u291'");
    write(".haraka-lint.ini", "[compat]\nrequire_clients[]=java-8u291\n");
    assertThat(CliRunner.run("check", "--no-color", dir.toString()).out()).doesNotContain("HL314");
  }

  @Test
  void unknownClientsAndNodeVersionsAreReported() throws IOException {
    assertThat(CliRunner.run("check", "--require-clients", "nope", dir.toString()).code()).isEqualTo(ExitCode.USAGE);
    assertThat(CliRunner.run("check", "--node-version", "16", dir.toString()).code()).isEqualTo(ExitCode.USAGE);
    write(".haraka-lint.ini", "[compat]\nrequire_clients[]=nope\nnode_version=16\n");
    CliRunner r = CliRunner.run("check", "--no-color", dir.toString());
    assertThat(r.out()).contains("[HL902] [compat] require_clients[] nope is not a client profile")
        .contains("[HL902] [compat] node_version=16");
  }
}
