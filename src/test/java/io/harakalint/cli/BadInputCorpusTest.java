package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus, one row per case: what is planted in an otherwise ordinary tree, the exit
 * code of {@code check --fail-on medium}, and the line the user sees (stdout for a finding, stderr
 * for an unusable tree). No case may print a stack trace. The README's table lists the same rows.
 */
class BadInputCorpusTest {
  private static final long MB_200 = 200L * 1024 * 1024;

  @TempDir Path dir;

  interface Plant {
    /** Plants the case in {@code root} (a tree with config/plugins and config/me) and returns the PATH to check. */
    String into(Path root) throws Exception;
  }

  record Case(String name, Plant plant, int exit, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> corpus() {
    return Stream.of(
        new Case("random bytes as smtp.ini", r -> {
          byte[] b = new byte[4096];
          new Random(8).nextBytes(b);
          b[10] = 0;
          Files.write(r.resolve("config/smtp.ini"), b);
          return r.toString();
        }, ExitCode.FINDINGS, "config/smtp.ini contains NUL bytes: binary content where Haraka expects text"),
        new Case("a PNG as plugins", r -> {
          Files.write(r.resolve("config/plugins"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
              'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0});
          return r.toString();
        }, ExitCode.FINDINGS, "config/plugins contains NUL bytes"),
        new Case("200 MB sparse smtp.ini", r -> {
          try (RandomAccessFile f = new RandomAccessFile(r.resolve("config/smtp.ini").toFile(), "rw")) {
            f.setLength(MB_200);
          }
          return r.toString();
        }, ExitCode.FINDINGS, "config/smtp.ini is larger than 8 MiB (209715200 bytes), the most haraka-lint reads of one file; not read"),
        new Case("200 MB text host_list with a real prefix", r -> {
          writeBigText(r.resolve("config/host_list"), "example.com\nexample.net\n");
          return r.toString();
        }, ExitCode.FINDINGS, "config/host_list is larger than 8 MiB (209715200 bytes)"),
        new Case("invalid UTF-8 in connection.ini", r -> {
          Files.write(r.resolve("config/connection.ini"), "[message]\ngreeting[]=M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1));
          return r.toString();
        }, ExitCode.OK, "config/connection.ini is not valid UTF-8: Haraka reads U+FFFD in place of the bad bytes"),
        new Case("a NUL in a key of relay.ini", r -> {
          Files.write(r.resolve("config/relay.ini"), "[relay]\nac\0l=true\n".getBytes(StandardCharsets.UTF_8));
          return r.toString();
        }, ExitCode.FINDINGS, "config/relay.ini contains NUL bytes"),
        new Case("a chain of 50 symbolic links", r -> {
          Files.writeString(r.resolve("config/real.ini"), "[main]\n");
          Path prev = r.resolve("config/real.ini");
          for (int i = 50; i >= 1; i--) prev = Files.createSymbolicLink(r.resolve("config/l" + i + ".ini"), prev.getFileName());
          return r.toString();
        }, ExitCode.FINDINGS, "config/l1.ini cannot be resolved (a symbolic link loop, or a chain of more than 40 links); not read"),
        new Case("a symbolic link loop a -> b -> a", r -> {
          Files.createSymbolicLink(r.resolve("config/a.ini"), Path.of("b.ini"));
          Files.createSymbolicLink(r.resolve("config/b.ini"), Path.of("a.ini"));
          return r.toString();
        }, ExitCode.FINDINGS, "config/a.ini cannot be resolved (a symbolic link loop, or a chain of more than 40 links); not read"),
        new Case("a folder link loop under config/", r -> {
          Files.createDirectories(r.resolve("config/sub"));
          Files.createSymbolicLink(r.resolve("config/sub/loop"), Path.of(".."));
          return r.toString();
        }, ExitCode.FINDINGS, "config/sub/loop symbolic link to a folder inside the tree; not followed"),
        new Case("tls.ini key=../../etc/shadow", r -> {
          Files.writeString(r.resolve("config/tls.ini"), "[main]\nkey=../../etc/shadow\ncert=tls_cert.pem\n");
          return r.toString();
        }, ExitCode.FINDINGS, "config/tls.ini names ../../etc/shadow, outside the tree; not read (--allow-outside DIR lets"
            + " haraka-lint read files under DIR) (haraka-config 1.5.2 and later refuse a name that leaves the config folder:"
            + " Haraka does not start)"),
        new Case("tls.ini cert=/etc/ssl/certs/ca-certificates.crt", r -> {
          Files.writeString(r.resolve("config/tls.ini"), "[main]\nkey=/etc/ssl/private/mx.key\ncert=/etc/ssl/certs/ca-certificates.crt\n");
          return r.toString();
        }, ExitCode.OK, "config/tls.ini names 2 files outside the tree (/etc/ssl/private/mx.key, /etc/ssl/certs/ca-certificates.crt);"
            + " not read (--allow-outside DIR lets haraka-lint read files under DIR)"),
        new Case("tls.ini unreadable (chmod 000)", r -> {
          Path f = Files.writeString(r.resolve("config/tls.ini"), "[main]\n");
          Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
          Assumptions.assumeFalse(Files.isReadable(f), "running as root, which ignores file modes: the same path is"
              + " covered by FileSystemTreeSourceTest.permissionDeniedIsAReason");
          return r.toString();
        }, ExitCode.FINDINGS, "config/tls.ini cannot be read (permission denied)"),
        new Case("a FIFO as tls.ini (works as root too)", r -> {
          Assumptions.assumeTrue(mkfifo(r.resolve("config/tls.ini")), "mkfifo not available");
          return r.toString();
        }, ExitCode.FINDINGS, "config/tls.ini is not a regular file (a FIFO, socket or device); not read"),
        new Case("a path component that is a file", r -> r.resolve("config/plugins/x").toString(),
            ExitCode.USAGE, "config/plugins/x: cannot be read (a path component is not a directory)"),
        new Case("smtp.json nested 100,000 deep", r -> {
          Files.writeString(r.resolve("config/smtp.json"), "[".repeat(100_000));
          return r.toString();
        }, ExitCode.FINDINGS, "config/smtp.json is nested more than 1000 levels deep; haraka-lint does not read it"),
        new Case("smtp.yaml nested 100,000 deep", r -> {
          Files.writeString(r.resolve("config/smtp.yaml"), "[".repeat(100_000));
          return r.toString();
        }, ExitCode.FINDINGS, "config/smtp.yaml is nested more than 1000 levels deep; haraka-lint does not read it"),
        new Case("smtp.yaml with 50,000 nested block sequences (no brackets)", r -> {
          Files.writeString(r.resolve("config/smtp.yaml"), "- ".repeat(50_000) + "x\n");
          return r.toString();
        }, ExitCode.FINDINGS, "config/smtp.yaml is nested more than 1000 levels deep; haraka-lint does not read it"),
        new Case("outbound.hjson nested 100,000 deep", r -> {
          Files.writeString(r.resolve("config/outbound.hjson"), "{a:".repeat(100_000));
          return r.toString();
        }, ExitCode.FINDINGS, "config/outbound.hjson is nested more than 1000 levels deep; haraka-lint does not read it"),
        new Case("every file unreadable", r -> {
          Files.delete(r.resolve("config/plugins"));
          Files.delete(r.resolve("config/me"));
          try (RandomAccessFile f = new RandomAccessFile(r.resolve("config/smtp.ini").toFile(), "rw")) {
            f.setLength(MB_200);
          }
          return r.toString();
        }, ExitCode.USAGE, "no config file could be read (1 unreadable)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachCaseGivesItsExitCodeAndOneClearLine(Case c) throws Exception {
    Path root = dir.resolve("t");
    Files.createDirectories(root.resolve("config"));
    Files.writeString(root.resolve("config/plugins"), "rcpt_to.in_host_list\nqueue/smtp_forward\n");
    Files.writeString(root.resolve("config/me"), "mx.example.com\n");
    String path = c.plant().into(root);
    CliRunner r = CliRunner.run("check", "--fail-on", "medium", "--no-color", path);
    String shown = c.exit() == ExitCode.USAGE ? r.err() : r.out();
    assertThat(shown).as("%s%nstdout:%n%s%nstderr:%n%s", c.name(), r.out(), r.err()).contains(c.expected());
    assertThat(r.code()).as("%s%n%s%s", c.name(), r.out(), r.err()).isEqualTo(c.exit());
    if (c.exit() == ExitCode.USAGE) assertThat(r.err().lines().count()).isEqualTo(1);
    // A parse error names the parser's exception class; a stack trace would show "Exception:" and "\tat ".
    assertThat(r.err() + r.out()).doesNotContain("Exception:").doesNotContain("\tat ").doesNotContain("root:");
  }

  /** The 200 MB case through the whole CLI allocates far less than the file: the cap is honoured before reading. */
  @Test
  void aHugeFileIsNeverReadIntoMemory() throws IOException {
    Path root = dir.resolve("big");
    Files.createDirectories(root.resolve("config"));
    Files.writeString(root.resolve("config/plugins"), "rcpt_to.in_host_list\n");
    writeBigText(root.resolve("config/smtp.ini"), "[main]\nlisten=[::0]:25\n");
    CliRunner.run("check", root.toString()); // warm up: class loading and rule tables are not the file
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    CliRunner r = CliRunner.run("check", "--format", "json", root.toString());
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(r.out()).contains("is larger than 8 MiB");
    assertThat(allocated).as("bytes allocated by one check of a tree with a 200 MB file").isLessThan(MB_200 / 4);
  }

  private static void writeBigText(Path p, String prefix) throws IOException {
    byte[] line = "# padding line to make a huge file that must not be read into memory ......\n".getBytes(StandardCharsets.US_ASCII);
    byte[] block = new byte[1024 * 1024];
    for (int i = 0; i < block.length; i++) block[i] = line[i % line.length];
    try (OutputStream out = Files.newOutputStream(p)) {
      byte[] head = prefix.getBytes(StandardCharsets.US_ASCII);
      out.write(head);
      long left = MB_200 - head.length;
      while (left > 0) {
        int n = (int) Math.min(block.length, left);
        out.write(block, 0, n);
        left -= n;
      }
    }
  }

  private static boolean mkfifo(Path p) throws InterruptedException {
    try {
      Process proc = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
      return proc.waitFor() == 0 && Files.exists(p);
    } catch (IOException e) {
      return false;
    }
  }
}
