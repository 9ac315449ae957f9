package io.harakalint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files written through a temporary file and a rename. */
final class OutputFiles {
  private OutputFiles() {}

  /**
   * A temporary file is created 0600; before it replaces {@code target}, give it the target's mode,
   * or 0644 for a new report, which CI uploads and colleagues read.
   */
  static void keepOrDefaultMode(Path tmp, Path target) throws IOException {
    try {
      if (Files.exists(target)) Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
      else Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows and other non-POSIX file systems: the default ACL applies
    }
  }
}
