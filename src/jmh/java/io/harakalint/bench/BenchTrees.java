package io.harakalint.bench;

import io.harakalint.load.FileSystemTreeSource;
import io.harakalint.load.MemoryTreeSource;
import io.harakalint.load.TreeSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Trees for the benchmarks: on disk as given, or copied into memory once so I/O drops out. */
final class BenchTrees {
  private BenchTrees() {}

  static TreeSource onDisk(String tree) {
    return new FileSystemTreeSource(Path.of(tree), tree);
  }

  /** Every regular file of the tree (no links, nothing under .git), as a MemoryTreeSource. */
  static MemoryTreeSource inMemory(String tree) {
    Path root = Path.of(tree);
    MemoryTreeSource m = new MemoryTreeSource(tree);
    try (Stream<Path> s = Files.walk(root)) {
      List<Path> files = s.filter(Files::isRegularFile).filter(p -> !root.relativize(p).startsWith(".git")).toList();
      for (Path p : files) m.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }
}
