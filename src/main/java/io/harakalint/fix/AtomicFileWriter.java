package io.harakalint.fix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Replaces a file's bytes without a moment where a half-written config exists: write a temporary
 * file beside it, give it the original's mode, then rename over the original.
 */
public final class AtomicFileWriter {
  private AtomicFileWriter() {}

  /**
   * A new file, complete or absent: written beside its place (0644), then linked into it, which
   * fails rather than overwrite a file that appeared in the meantime.
   */
  public static void create(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".haraka-lint.tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Files.createLink(target, tmp);
      } catch (UnsupportedOperationException notPosixOrNoLinks) {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static void replace(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".haraka-lint.tmp");
    try {
      Files.write(tmp, bytes);
      if (Files.getFileAttributeView(target, PosixFileAttributeView.class) != null) {
        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
