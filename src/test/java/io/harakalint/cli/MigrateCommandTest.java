package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** haraka-lint migrate --to 3.1 on a copy of samples/v2-upgrade: the diff, --write, a second run, the bytes left alone. */
class MigrateCommandTest {
  private static final Path SAMPLE = Path.of("samples/v2-upgrade");

  @TempDir Path dir;
  Path tree;

  @BeforeEach
  void copySample() throws IOException {
    tree = dir.resolve("v2-upgrade");
    try (Stream<Path> s = Files.walk(SAMPLE)) {
      for (Path p : s.toList()) {
        Path to = tree.resolve(SAMPLE.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(to);
        else Files.copy(p, to);
      }
    }
  }

  private static Map<String, byte[]> snapshot(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) out.put(root.relativize(p).toString(), Files.readAllBytes(p));
    }
    return out;
  }

  private String read(String rel) throws IOException {
    return Files.readString(tree.resolve(rel), StandardCharsets.UTF_8);
  }

  private String sample(String rel) throws IOException {
    return Files.readString(SAMPLE.resolve(rel), StandardCharsets.UTF_8);
  }

  @Test
  void diffByDefaultShowsEveryChangeAndWritesNothing() throws IOException {
    Map<String, byte[]> before = snapshot(tree);
    CliRunner r = CliRunner.run("migrate", "--to", "3.1", tree.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("--- /dev/null\n+++ b/config/connection.ini\n")
        .contains("+; carried over from config/databytes by haraka-lint migrate\n+bytes=10485760\n")
        .contains("+greeting[]=example.org mail - unsolicited bulk mail is not welcome here\n")
        .contains("+helo=mx2.example.org at your service\n")
        .contains("+banner_chars=6\n")
        .contains("+mime_parts=500\n").contains("+line_length=1000\n")
        .contains("+hosts[]=192.0.2.4\n+hosts[]=192.0.2.5\n+hosts[]=2001:db8:5::10\n")
        .contains("+spool_dir=/var/spool/haraka\n").contains("+spool_after=1048576\n")
        .contains("+strict_rfc1869=true\n").contains("+smtputf8=false\n")
        .contains("+show_version=false\n").contains("+max_received=50\n")
        .contains("--- a/config/smtp.ini").contains("-spool_dir=/var/spool/haraka\n").contains("-[headers]\n")
        .contains("--- a/config/plugins").contains("-dnsbl\n+dns-list\n").contains("-dkim_sign\n+dkim\n")
        .contains("-data.headers\n-data.uribl\n+headers\n+uribl\n").contains("-connect.fcrdns\n+fcrdns\n")
        .contains("--- a/package.json").contains("-    \"Haraka\": \"2.8.28\"\n+    \"Haraka\": \"^3.1.7\",\n")
        .contains("+    \"haraka-plugin-dns-list\": \"*\",\n").contains("+    \"haraka-plugin-dkim\": \"*\"\n")
        .contains("+    \"haraka-plugin-headers\": \"*\",\n")
        .contains("4 file(s) would change; rerun with --write to apply");
    // the report
    assertThat(r.out())
        .contains("# Haraka migration report: ")
        .contains("| `config/databytes` | `[max] bytes` | `10485760` |")
        .contains("| `config/smtp.ini:66` | `[headers] max_received` | `50` |")
        .contains("| 27 | `dnsbl` | `dns-list` | `haraka-plugin-dns-list` |")
        .contains("## Old files Haraka 3.1.0 no longer reads")
        .contains("- `config/databytes`: replaced by connection.ini [max] bytes")
        .contains("- `config/dnsbl.ini`: replaced by dns-list.ini")
        .contains("## Needs a human")
        .contains("`[sign]` / `enabled=true` / `selector=mar2019` / `domain=example.org`")
        .contains("`zones=zen.spamhaus.org,b.barracudacentral.org`")
        .contains("- `config/smtp_forward.ini:8`: timeout was a connection-pool setting")
        .contains("2001:db8:5::10 is an IPv6 address without a mask");
    Map<String, byte[]> after = snapshot(tree);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String k : before.keySet()) assertThat(after.get(k)).as(k).isEqualTo(before.get(k));
  }

  @Test
  void writeAppliesMinimalEditsKeepsEverythingElseAndASecondRunFindsNothing() throws IOException {
    Map<String, byte[]> before = snapshot(tree);
    CliRunner r = CliRunner.run("migrate", "--to", "3.1", "--write", tree.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote 4 file(s)");

    String smtp = sample("config/smtp.ini")
        .replace("spool_dir=/var/spool/haraka\n", "; spool_dir moved to connection.ini [main] (haraka-lint migrate)\n")
        .replace("spool_after=1048576\n", "; spool_after moved to connection.ini [main] (haraka-lint migrate)\n")
        .replace("strict_rfc1869 = true\n", "; strict_rfc1869 moved to connection.ini [main] (haraka-lint migrate)\n")
        .replace("smtputf8=false\n", "; smtputf8 moved to connection.ini [main] (haraka-lint migrate)\n");
    smtp = smtp.substring(0, smtp.indexOf("[headers]")) + "; [headers] moved to connection.ini [headers] (haraka-lint migrate)\n";
    assertThat(read("config/smtp.ini")).isEqualTo(smtp);

    String plugins = sample("config/plugins").replace("\nconnect.fcrdns\n", "\nfcrdns\n").replace("\ndnsbl\n", "\ndns-list\n")
        .replace("\nmax_unrecognized_commands\n", "\nlimit\n").replace("\ndata.headers\ndata.uribl\n", "\nheaders\nuribl\n")
        .replace("\ndkim_sign\n", "\ndkim\n");
    assertThat(read("config/plugins")).isEqualTo(plugins);

    assertThat(read("package.json")).isEqualTo(sample("package.json").replace("    \"Haraka\": \"2.8.28\"\n",
        "    \"Haraka\": \"^3.1.7\",\n    \"haraka-plugin-fcrdns\": \"*\",\n    \"haraka-plugin-dns-list\": \"*\",\n"
            + "    \"haraka-plugin-limit\": \"*\",\n    \"haraka-plugin-headers\": \"*\",\n    \"haraka-plugin-uribl\": \"*\",\n"
            + "    \"haraka-plugin-dkim\": \"*\"\n"));

    String conn = read("config/connection.ini");
    assertThat(conn).startsWith("; \n[main]\n")
        .contains("\n[max]\n; Integer. The maximum SIZE of an email\n; carried over from config/databytes by haraka-lint migrate\nbytes=10485760\n")
        .contains("\n; String. Override the default connection close message.\nclose=closing connection. Have a jolly good day.\n")
        .contains("[uuid]").contains("deny_chars=0\n").doesNotContain("${").doesNotContain("<#").doesNotContain("<@");

    // every other file is byte for byte the same, and nothing was deleted
    Map<String, byte[]> after = snapshot(tree);
    assertThat(after.keySet()).containsAll(before.keySet());
    assertThat(after.keySet()).hasSize(before.size() + 1).contains("config/connection.ini");
    for (String k : before.keySet()) {
      if (List.of("config/smtp.ini", "config/plugins", "package.json").contains(k)) continue;
      assertThat(after.get(k)).as(k).isEqualTo(before.get(k));
    }

    // idempotent: nothing left to change, and no complaint about the values already in connection.ini
    Map<String, byte[]> migrated = snapshot(tree);
    CliRunner again = CliRunner.run("migrate", "--to", "3.1", "--write", tree.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("nothing to migrate").contains("Nothing to change: this tree is already migrated.")
        .doesNotContain("+++ ").doesNotContain("already exists, so it is not rewritten")
        .contains("- `config/databytes`: replaced by connection.ini [max] bytes");
    Map<String, byte[]> third = snapshot(tree);
    for (String k : migrated.keySet()) assertThat(third.get(k)).as(k).isEqualTo(migrated.get(k));

    // and the linter no longer reports the moved settings or the aliases: the old files are only leftovers
    CliRunner check = CliRunner.run("check", "--fail-on", "none", "--no-color", tree.toString());
    assertThat(check.out()).doesNotContain("[HL607]").doesNotContain("[HL403]").doesNotContain("[HL601]")
        .contains("config/databytes:1:1: low [HL606] Haraka 3.1.7 ignores config/databytes (read only before 3.1.0);"
            + " connection.ini [max] bytes is set, so this file is a leftover to delete.");
  }

  @Test
  void refusesUncommittedFilesUnlessForced() throws Exception {
    try (Git git = Git.init().setDirectory(tree.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("v2").setSign(false).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").call();
    }
    Files.writeString(tree.resolve("config/plugins"), "\n# local edit\n", java.nio.file.StandardOpenOption.APPEND);
    byte[] plugins = Files.readAllBytes(tree.resolve("config/plugins"));
    CliRunner r = CliRunner.run("migrate", "--to", "3.1", "--write", tree.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("uncommitted changes in config/plugins");
    assertThat(Files.exists(tree.resolve("config/connection.ini"))).isFalse();
    assertThat(Files.readAllBytes(tree.resolve("config/plugins"))).isEqualTo(plugins);

    CliRunner forced = CliRunner.run("migrate", "--to", "3.1", "--write", "--force", tree.toString());
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(read("config/plugins")).contains("\ndns-list\n").endsWith("\n# local edit\n");
  }

  @Test
  void crlfSmtpIniKeepsItsLineEndingsAndAnExistingConnectionIniIsNotRewritten() throws IOException {
    Files.writeString(tree.resolve("config/smtp.ini"), "listen=[::0]:25\r\nsmtputf8=true\r\nnodes=1\r\n");
    CliRunner r = CliRunner.run("migrate", "--to", "3.1", "--write", tree.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(read("config/smtp.ini")).isEqualTo("listen=[::0]:25\r\n; smtputf8 moved to connection.ini [main] (haraka-lint migrate)\r\nnodes=1\r\n");
    assertThat(read("config/connection.ini")).contains("\nsmtputf8=true\n");

    // a tree whose connection.ini exists: it is left alone and what it lacks is reported
    Files.writeString(tree.resolve("config/connection.ini"), "[max]\nbytes=1000\n");
    Files.writeString(tree.resolve("config/smtp.ini"), "listen=[::0]:25\nspool_after=5\n");
    CliRunner again = CliRunner.run("migrate", "--to", "3.1", "--write", tree.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(read("config/connection.ini")).isEqualTo("[max]\nbytes=1000\n");
    assertThat(read("config/smtp.ini")).isEqualTo("listen=[::0]:25\nspool_after=5\n");
    assertThat(again.out()).contains("it lacks [max] bytes=10485760 (from config/databytes)")
        .contains("it lacks [main] spool_after=5 (from config/smtp.ini:2)")
        .contains("connection.ini already exists, so move them by hand");
  }

  @Test
  void targetVersionAndReportFile() throws IOException {
    Path report = dir.resolve("migration.md");
    CliRunner r = CliRunner.run("migrate", "--to", "3.3.4", "--report", report.toString(), tree.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("+    \"Haraka\": \"^3.3.4\",");
    assertThat(Files.readString(report)).startsWith("# Haraka migration report: ").contains("to Haraka 3.3.4");

    CliRunner bad = CliRunner.run("migrate", "--to", "2.8", tree.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("3.1 or a newer 3.x");
    CliRunner notATree = CliRunner.run("migrate", "--to", "3.1", dir.resolve("nowhere").toString());
    assertThat(notATree.code()).isEqualTo(2);
    assertThat(notATree.err()).contains("not a Haraka root");
  }

  @Test
  void commitPutsTheMigrationOnANewBranch(@org.junit.jupiter.api.io.TempDir java.nio.file.Path repo) throws Exception {
    java.nio.file.Path src = java.nio.file.Path.of(System.getProperty("project.root", ".")).resolve("samples/v2-upgrade");
    try (var walk = java.nio.file.Files.walk(src)) {
      for (java.nio.file.Path p : walk.toList()) {
        java.nio.file.Path t = repo.resolve(src.relativize(p).toString());
        if (java.nio.file.Files.isDirectory(p)) java.nio.file.Files.createDirectories(t);
        else java.nio.file.Files.copy(p, t);
      }
    }
    try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("v2").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
      CliRunner r = CliRunner.run("migrate", "--to", "3.1", "--commit", repo.toString());
      org.assertj.core.api.Assertions.assertThat(r.code()).as(r.err()).isZero();
      org.assertj.core.api.Assertions.assertThat(git.getRepository().getBranch()).startsWith("haraka-lint/migrate-");
      org.assertj.core.api.Assertions.assertThat(git.log().setMaxCount(1).call().iterator().next().getFullMessage())
          .startsWith("haraka-lint migrate --to 3.1").contains("config/connection.ini");
    }
  }
}
