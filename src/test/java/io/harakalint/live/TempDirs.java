package io.harakalint.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Temporary folders of the live tests: deleted when done, and at JVM exit whatever was left. */
final class TempDirs {
  private static final List<Path> LEFT = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      synchronized (LEFT) {
        LEFT.forEach(TempDirs::delete);
      }
    }, "haraka-lint-live-tempdirs"));
  }

  private TempDirs() {}

  static void deleteOnExit(Path dir) {
    synchronized (LEFT) {
      LEFT.add(dir);
    }
  }

  static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: it is a temp directory
    }
  }
}
