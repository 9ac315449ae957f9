package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatCommandTest {
  @TempDir Path dir;

  private String tree(String tlsIni) throws Exception {
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(dir.resolve("config/plugins"), "tls\n");
    Files.writeString(dir.resolve("config/tls.ini"), tlsIni);
    return dir.toString();
  }

  @Test
  void javamailOnJava8FailsWithTheSeedErrorOnHarakaDefaults() throws Exception {
    CliRunner r = CliRunner.run("compat", tree("; defaults\n"), "--client", "javamail-1.4-java8", "--format", "json");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("nodeVersion").asText()).isEqualTo("20");
    JsonNode c = j.get("clients").get(0);
    assertThat(c.get("id").asText()).isEqualTo("javamail-1.4-java8");
    assertThat(c.get("outcome").asText()).isEqualTo("fail");
    assertThat(c.get("serverError").asText())
        .isEqualTo("SSL routines:tls_early_post_process_client_hello:unsupported protocol");
    assertThat(c.get("protocol").isNull()).isTrue();
  }

  @Test
  void minVersionAloneMovesTheErrorOnOpenssl30AndNotOn35() throws Exception {
    String t = tree("[main]\nminVersion=TLSv1\n");
    JsonNode a = new ObjectMapper().readTree(CliRunner.run("compat", t, "--client", "java-7u25", "--format", "json").out());
    assertThat(a.get("clients").get(0).get("serverError").asText()).contains("no suitable signature algorithm");
    JsonNode c = new ObjectMapper().readTree(
        CliRunner.run("compat", t, "--client", "java-7u25", "--node-version", "24", "--format", "json").out());
    assertThat(c.get("clients").get(0).get("serverError").asText()).contains("unsupported protocol");
  }

  @Test
  void seclevelZeroLetsJava7InAndJava6IsStoppedByDh() throws Exception {
    String t = tree("[main]\nminVersion=TLSv1\nciphers=DEFAULT@SECLEVEL=0\n");
    CliRunner r = CliRunner.run("compat", t, "--client", "java-7u25", "--client", "java-6u45");
    assertThat(r.out()).containsPattern("java-7u25\\s+ok\\s+TLSv1\\s+ECDHE-RSA-AES128-SHA");
    assertThat(r.out()).contains("client aborts: DH 2048 bits > its maximum 1024");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void inlineCommentInMinVersionIsAStartupFailure() throws Exception {
    CliRunner r = CliRunner.run("compat", tree("[main]\nminVersion=TLSv1 ; for java8\n"), "--format", "markdown");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Haraka does not start:").contains("ERR_TLS_INVALID_PROTOCOL_VERSION");
  }

  @Test
  void readsTheDhparamFileOfTheTree() throws Exception {
    try (io.harakalint.model.TestPki pki = io.harakalint.model.TestPki.require()) {
      String t = tree("[main]\nminVersion=TLSv1\nciphers=DEFAULT:!kECDHE:@SECLEVEL=0\n");
      Files.writeString(dir.resolve("config/dhparams.pem"), pki.dhparams(1024, false));
      CliRunner ok = CliRunner.run("compat", t, "--client", "java-6u45", "--node-version", "20");
      assertThat(ok.out()).containsPattern("java-6u45\\s+ok\\s+TLSv1\\s+DHE-RSA-AES128-SHA");
      CliRunner stops = CliRunner.run("compat", t, "--client", "java-6u45", "--node-version", "24.5", "--format", "json");
      assertThat(new ObjectMapper().readTree(stops.out()).get("startupError").isNull()).isTrue();
      Files.writeString(dir.resolve("config/tls.ini"), "; defaults\n");
      CliRunner c5 = CliRunner.run("compat", t, "--node-version", "24.5", "--format", "json");
      assertThat(new ObjectMapper().readTree(c5.out()).get("startupError").asText())
          .startsWith("ERR_CRYPTO_OPERATION_FAILED: Error setting temp DH parameter");
    }
  }

  @Test
  void explainShowsTheChain() throws Exception {
    CliRunner r = CliRunner.run("compat", tree("; defaults\n"), "--explain", "javamail-1.4-java8");
    assertThat(r.out()).contains("R1:").contains("unsupported protocol").contains("JavaMail");
  }

  @Test
  void allProfilesByDefaultAndBadInputIsAUsageError() throws Exception {
    String t = tree("; defaults\n");
    CliRunner r = CliRunner.run("compat", t);
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("windows-xp").contains("of 33 clients connect");
    assertThat(CliRunner.run("compat", t, "--node-version", "16").code()).isEqualTo(2);
    assertThat(CliRunner.run("compat", t, "--client", "nosuch").code()).isEqualTo(2);
  }
}
