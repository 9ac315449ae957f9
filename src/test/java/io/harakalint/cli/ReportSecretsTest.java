package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.report.Reporters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No format, ever, contains a secret planted in the tree (passwords, a forwarding password, a private key). */
class ReportSecretsTest {
  @TempDir Path dir;

  @Test
  void noFormatContainsAPlantedSecret() throws Exception {
    Path tree = ReportTrees.audit(dir.resolve("repo"));
    for (String secret : ReportTrees.SECRETS) {
      assertThat(Files.walk(tree.resolve("config")).filter(Files::isRegularFile).anyMatch(p -> {
        try {
          return Files.readString(p).contains(secret);
        } catch (java.io.IOException e) {
          return false;
        }
      })).as("planted: %s", secret).isTrue();
    }
    for (String format : Reporters.NAMES) {
      for (String[] extra : new String[][] {{}, {"--no-waivers"}, {"--link-base", "https://example.invalid/blob/x"}}) {
        String out = ReportTrees.render(tree, format, dir.resolve("out." + format), extra);
        assertThat(out).as(format).isNotBlank();
        for (String secret : ReportTrees.SECRETS) assertThat(out).as("%s output", format).doesNotContain(secret);
      }
    }
    assertThat(ReportTrees.render(tree, "json", dir.resolve("j.json"))).contains("HL501").contains("HL502");
  }
}
