package io.harakalint.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading through the opener seam, so the races and refusals happen on every run and as root:
 * a file that changes while it is read, one that cannot be opened, one that grows past the cap.
 */
class FileSystemTreeSourceTest {
  @TempDir Path dir;

  private Path tree() throws IOException {
    Files.createDirectories(dir.resolve("config"));
    return Files.writeString(dir.resolve("config/smtp.ini"), "[main]\nlisten=[::0]:25\n");
  }

  /** Opens the real file, and runs {@code change} after the first read, as another writer would. */
  private static CappedFileReader.Opener changingAfterFirstRead(IoAction change) {
    return p -> new FilterInputStream(Files.newInputStream(p)) {
      private boolean changed;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (!changed) {
          changed = true;
          change.run(p);
        }
        return n;
      }
    };
  }

  interface IoAction {
    void run(Path p) throws IOException;
  }

  @Test
  void fileThatGrowsWhileReadIsReportedNotHalfChecked() throws IOException {
    tree();
    var src = new FileSystemTreeSource(dir, "t",
        changingAfterFirstRead(p -> Files.writeString(p, "nodes=4\n", StandardOpenOption.APPEND)));
    TreeSource.ReadResult r = src.read("config/smtp.ini");
    assertThat(r.isOk()).isFalse();
    assertThat(r.problem()).isEqualTo("changed while it was being read (23 bytes before, 31 read); not checked, re-run when it is stable");
  }

  @Test
  void fileRewrittenToTheSameSizeIsCaughtByItsModificationTime() throws IOException {
    Path f = tree();
    Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    var src = new FileSystemTreeSource(dir, "t", changingAfterFirstRead(p -> Files.writeString(p, "[main]\nlisten=[::0]:26\n")));
    assertThat(src.read("config/smtp.ini").problem()).startsWith("changed while it was being read");
  }

  @Test
  void fileReplacedByRenameIsCaughtByItsInode() throws IOException {
    tree();
    var src = new FileSystemTreeSource(dir, "t", changingAfterFirstRead(p -> {
      Path tmp = Files.writeString(p.resolveSibling("new.tmp"), "[main]\nlisten=[::0]:99\n");
      Files.move(tmp, p, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      Files.setLastModifiedTime(p, Files.getLastModifiedTime(p)); // same size; the inode tells
    }));
    assertThat(src.read("config/smtp.ini").problem()).startsWith("changed while it was being read");
  }

  @Test
  void permissionDeniedIsAReason() throws IOException {
    tree();
    var src = new FileSystemTreeSource(dir, "t", p -> {
      throw new AccessDeniedException(p.toString());
    });
    assertThat(src.read("config/smtp.ini").problem()).isEqualTo("cannot be read (permission denied)");
  }

  @Test
  void aStableFileReadsWhole() throws IOException {
    tree();
    var src = new FileSystemTreeSource(dir, "t");
    assertThat(new String(src.read("config/smtp.ini").bytes(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("[main]\nlisten=[::0]:25\n");
  }

  @Test
  void aStreamLongerThanTheCapIsCutAndReported() throws IOException {
    tree();
    var src = new FileSystemTreeSource(dir, "t", p -> new InputStream() {
      @Override
      public int read() {
        return 'x'; // a file that keeps growing: never more than the cap + 1 bytes are taken
      }
    });
    assertThat(src.read("config/smtp.ini").problem())
        .isEqualTo("changed while it was being read (23 bytes before, more than 8388608 read); not checked, re-run when it is stable");
  }

  @Test
  void aFileChangedBetweenTheWalkAndTheReadIsReadAgainWhole() throws IOException {
    Path f = tree();
    var src = new FileSystemTreeSource(dir, "t");
    assertThat(src.files("config")).containsExactly("config/smtp.ini"); // the walk's stat: 23 bytes
    Files.writeString(f, "[main]\nlisten=[::0]:25,[::0]:587\n");
    assertThat(new String(src.read("config/smtp.ini").bytes(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("[main]\nlisten=[::0]:25,[::0]:587\n");
  }

  @Test
  void aWalkedFileThatGrowsWhileReadIsStillCaught() throws IOException {
    tree();
    var src = new FileSystemTreeSource(dir, "t",
        changingAfterFirstRead(p -> Files.writeString(p, "nodes=4\n", StandardOpenOption.APPEND)));
    src.files("config"); // the quick read trusts the walk's stat, then checks it after reading
    assertThat(src.read("config/smtp.ini").problem()).startsWith("changed while it was being read");
  }
}
