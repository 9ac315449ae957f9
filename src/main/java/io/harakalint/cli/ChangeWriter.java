package io.harakalint.cli;

import io.harakalint.fix.AtomicFileWriter;
import io.harakalint.load.UserError;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;

/**
 * How fix, migrate and legacy-client put their changes on disk: refuse files with uncommitted
 * changes unless forced, replace existing files atomically with their mode kept, and create new
 * files without ever overwriting one that appeared meanwhile.
 */
final class ChangeWriter {
  /** A file to write: its path relative to the tree, whether it is new, and its whole new content. */
  record Planned(String path, boolean creates, byte[] after) {}

  private ChangeWriter() {}

  static void refuseUncommitted(Path root, List<Planned> files, boolean force) {
    if (force) return;
    List<String> dirty = DirtyFiles.among(root, files.stream().filter(f -> !f.creates()).map(Planned::path).toList());
    if (!dirty.isEmpty()) {
      throw new UserError("uncommitted changes in " + String.join(", ", dirty) + "; commit or stash them, or use --force");
    }
  }

  static void write(Path root, List<Planned> files) {
    for (Planned f : files) {
      Path target = root.resolve(f.path());
      try {
        if (f.creates()) AtomicFileWriter.create(target, f.after());
        else AtomicFileWriter.replace(target, f.after());
      } catch (FileAlreadyExistsException e) {
        throw new UserError(f.path() + ": appeared while planning; run again");
      } catch (IOException e) {
        throw new UserError(f.path() + ": cannot be written (" + e.getClass().getSimpleName() + ")");
      }
    }
  }
}
