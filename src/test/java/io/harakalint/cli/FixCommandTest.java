package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** haraka-lint fix: minimal edits, byte-exact elsewhere, idempotent, atomic, careful with git. */
class FixCommandTest {
  @TempDir Path dir;

  private Path write(String path, String text) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.write(p, text.getBytes(StandardCharsets.UTF_8));
    return p;
  }

  private String read(String path) throws IOException {
    return new String(Files.readAllBytes(dir.resolve(path)), StandardCharsets.UTF_8);
  }

  private void fixed(String file, String before, String after, String... otherFiles) throws IOException {
    write(file, before);
    for (int i = 0; i < otherFiles.length; i += 2) write(otherFiles[i], otherFiles[i + 1]);
    CliRunner r = CliRunner.run("fix", "--write", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(read(file)).isEqualTo(after);
    CliRunner again = CliRunner.run("fix", dir.toString());
    assertThat(again.out()).as("a second fix changes nothing").contains("nothing to fix");
  }

  @Test
  void relayAllTurnedOffKeepingCrlfAndComments() throws IOException {
    fixed("config/relay.ini", "; legacy\r\n[relay]\r\nall=true\r\nacl=true\r\n", "; legacy\r\n[relay]\r\nall=false\r\nacl=true\r\n",
        "config/plugins", "relay\nrcpt_to.in_host_list\nqueue/smtp_forward\n");
  }

  @Test
  void bareIpv6GetsASlash128() throws IOException {
    fixed("config/relay_acl_allow", "# office\n192.0.2.5/32\n2001:db8::25\n", "# office\n192.0.2.5/32\n2001:db8::25/128\n",
        "config/plugins", "relay\nrcpt_to.in_host_list\nqueue/smtp_forward\n");
  }

  @Test
  void duplicateAndAliasedPluginLinesGoAndDeprecatedNamesAreRenamed() throws IOException {
    fixed("config/plugins", "\uFEFFrelay\nrcpt_to.in_host_list\nrelay_acl\nqueue/smtp_forward\nrelay\ndnsbl\n",
        "\uFEFFrelay\nrcpt_to.in_host_list\nqueue/smtp_forward\ndns-list\n",
        "package.json", "{\"dependencies\": {\"Haraka\": \"3.1.6\"}}");
  }

  @Test
  void inlineCommentMovesAboveAndTheBooleanReadsTrue() throws IOException {
    fixed("config/relay.ini", "[relay]\n  acl=true ; office printers   \nall=false\n",
        "[relay]\n  ; office printers\n  acl=true\nall=false\n",
        "config/plugins", "relay\nrcpt_to.in_host_list\nqueue/smtp_forward\n");
  }

  @Test
  void tlsFloorAndScalarPortListAndIgnoreBadPlugins() throws IOException {
    fixed("config/tls.ini", "[main]\nminVersion=TLSv1\nno_starttls_ports=2525\n", "[main]\nminVersion=TLSv1.2\nno_starttls_ports[]=2525\n",
        "config/plugins", "tls\n", "config/smtp.ini", "listen=[::0]:25\nignore_bad_plugins=false\nnodes=1\n");
    assertThat(read("config/smtp.ini")).isEqualTo("listen=[::0]:25\nnodes=1\n");
  }

  @Test
  void bracketedAddressBecomesAnEntryAndHeaderCommentMovesAbove() throws IOException {
    fixed("config/tls.ini", "[main]\nkey=/etc/k.pem\n[no_tls_hosts]\n  [2001:db8::1]\n", "[main]\nkey=/etc/k.pem\n[no_tls_hosts]\n  2001:db8::1\n",
        "config/plugins", "tls\n", "config/smtp.ini", "nodes=1\n[main] ; main settings\r\nlisten=[::0]:25\r\n");
    assertThat(read("config/smtp.ini")).isEqualTo("nodes=1\n; main settings\r\n[main]\r\nlisten=[::0]:25\r\n");
  }

  @Test
  void haproxyBareIpv6AndWeakCiphers() throws IOException {
    fixed("config/tls.ini", "[main]\nciphers=HIGH:3DES:!aNULL:@SECLEVEL=0\n", "[main]\nciphers=HIGH:3DES:!aNULL:!3DES\n",
        "config/plugins", "tls\n", "config/connection.ini", "[haproxy]\nhosts[]=2001:db8::7\n");
    assertThat(read("config/connection.ini")).isEqualTo("[haproxy]\nhosts[]=2001:db8::7/128\n");
  }

  @Test
  void diffByDefaultWritesNothingAndKeepsTheMode() throws IOException {
    Path relay = write("config/relay.ini", "[relay]\nall=true\n");
    write("config/plugins", "relay\nrcpt_to.in_host_list\nqueue/smtp_forward\n");
    Files.setPosixFilePermissions(relay, PosixFilePermissions.fromString("rw-r-----"));
    CliRunner r = CliRunner.run("fix", dir.toString());
    assertThat(r.out()).contains("--- a/config/relay.ini").contains("-all=true").contains("+all=false")
        .contains("# HL201 line 2: relaying is then granted only by AUTH");
    assertThat(read("config/relay.ini")).isEqualTo("[relay]\nall=true\n");
    assertThat(CliRunner.run("fix", "--write", "--rule", "HL402", dir.toString()).out()).contains("nothing to fix");
    CliRunner.run("fix", "--write", dir.toString());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(relay))).isEqualTo("rw-r-----");
    try (var s = Files.list(dir.resolve("config"))) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void commitPutsTheFixOnANewBranchListingTheRules() throws Exception {
    write("config/plugins", "relay\nrcpt_to.in_host_list\nqueue/smtp_forward\n");
    write("config/relay.ini", "[relay]\nall=true\n");
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("base").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
      CliRunner r = CliRunner.run("fix", "--commit", dir.toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(git.getRepository().getBranch()).startsWith("haraka-lint/fix-");
      var head = git.log().setMaxCount(1).call().iterator().next();
      assertThat(head.getFullMessage()).startsWith("haraka-lint fix: HL201").contains("config/relay.ini:2");
      assertThat(git.status().call().isClean()).isTrue();
    }
    assertThat(read("config/relay.ini")).isEqualTo("[relay]\nall=false\n");
  }

  @Test
  void refusesFilesWithUncommittedChangesUnlessForced() throws Exception {
    write("config/plugins", "relay\nrcpt_to.in_host_list\nqueue/smtp_forward\n");
    write("config/relay.ini", "[relay]\nacl=true\n");
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("base").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
    }
    write("config/relay.ini", "[relay]\nacl=true\nall=true\n");
    CliRunner refused = CliRunner.run("fix", "--write", dir.toString());
    assertThat(refused.code()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.err()).contains("uncommitted changes in config/relay.ini");
    assertThat(read("config/relay.ini")).contains("all=true");
    assertThat(CliRunner.run("fix", "--write", "--force", dir.toString()).code()).isZero();
    assertThat(read("config/relay.ini")).isEqualTo("[relay]\nacl=true\nall=false\n");
  }
}
