package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import io.harakalint.load.ConfigLoader;
import io.harakalint.load.MemoryTreeSource;
import io.harakalint.model.ConfigTree;
import io.harakalint.rules.Finding;
import io.harakalint.rules.LintOptions;
import io.harakalint.rules.Linter;
import io.harakalint.rules.Rules;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or broken input gives one clear line or a finding, a documented exit code, never a stack trace. */
class BadInputTest {
  @TempDir Path dir;

  private static void assertClean(CliRunner r) {
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out()).doesNotContain("Exception");
  }

  @Test
  void missingPathIsAUsageError() {
    CliRunner r = CliRunner.run("check", dir.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("no such file or directory");
    assertClean(r);
  }

  @Test
  void emptyFolderIsNotAHarakaTree() {
    CliRunner r = CliRunner.run("check", dir.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("not a Haraka tree");
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertClean(r);
  }

  @Test
  void aFileIsNotATree() throws IOException {
    Path f = Files.writeString(dir.resolve("tls.ini"), "[main]\n");
    CliRunner r = CliRunner.run("check", f.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("not a directory");
  }

  @Test
  void binaryAndInvalidUtf8FilesBecomeFindings() throws IOException {
    Files.createDirectories(dir.resolve("config"));
    Files.write(dir.resolve("config/relay.ini"), new byte[] {'[', 'r', ']', 0, 1, 2, '\n'});
    Files.write(dir.resolve("config/smtp.ini"), new byte[] {'a', '=', (byte) 0xff, (byte) 0xfe, '\n'});
    CliRunner r = CliRunner.run("check", "--format", "json", dir.toString());
    assertThat(r.out()).contains("HL107").contains("NUL bytes").contains("not valid UTF-8");
    assertClean(r);
  }

  @Test
  void symlinkLeavingTheTreeIsNotRead() throws IOException {
    Path outside = Files.writeString(dir.resolve("outside-secret.ini"), "[users]\nroot=TOPSECRET-OUTSIDE\n");
    Path root = dir.resolve("haraka");
    Files.createDirectories(root.resolve("config"));
    Files.writeString(root.resolve("config/plugins"), "auth/flat_file\n");
    Files.createSymbolicLink(root.resolve("config/auth_flat_file.ini"), outside);
    CliRunner r = CliRunner.run("check", "--format", "json", root.toString());
    assertThat(r.out()).contains("leaves the tree").doesNotContain("TOPSECRET").doesNotContain("root");
    assertClean(r);
  }

  @Test
  void unreadableFileIsAFindingNotACrash() throws IOException {
    Files.createDirectories(dir.resolve("config"));
    Path f = Files.writeString(dir.resolve("config/tls.ini"), "[main]\n");
    Files.writeString(dir.resolve("config/plugins"), "tls\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
    Assumptions.assumeFalse(Files.isReadable(f), "running as root: chmod 000 does not stop reads, so this case is"
        + " covered by unreadableFileFromAnySourceIsAFinding instead");
    CliRunner r = CliRunner.run("check", dir.toString());
    assertThat(r.out()).contains("config/tls.ini").contains("permission denied");
    assertClean(r);
  }

  @Test
  void unreadableFileFromAnySourceIsAFinding() {
    MemoryTreeSource src = new MemoryTreeSource("t")
        .putUnreadable("config/tls.ini", "cannot be read (permission denied)").put("config/plugins", "tls\n");
    ConfigTree t = ConfigLoader.load(src, null);
    List<Finding> f = new Linter(Rules.ALL, LintOptions.DEFAULTS).lint(t);
    assertThat(f).anySatisfy(x -> {
      assertThat(x.ruleId()).isEqualTo("HL107");
      assertThat(x.span().file()).isEqualTo("config/tls.ini");
      assertThat(x.message()).contains("permission denied");
    });
  }

  @Test
  void symlinkLoopsAndFolderLinksAreNotFollowed() throws IOException {
    Files.createDirectories(dir.resolve("config/sub"));
    Files.writeString(dir.resolve("config/plugins"), "tls\n");
    Files.createSymbolicLink(dir.resolve("config/sub/loop"), dir.resolve("config"));
    Files.createSymbolicLink(dir.resolve("config/self"), dir.resolve("config/self"));
    CliRunner r = CliRunner.run("check", "--format", "json", dir.toString());
    assertThat(r.code()).isIn(ExitCode.OK, ExitCode.FINDINGS);
    assertThat(r.out()).contains("not followed").contains("config/self");
    assertClean(r);
  }
}
