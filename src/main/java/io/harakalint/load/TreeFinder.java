package io.harakalint.load;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds the Haraka trees below a folder (a hosting provider's one tree per customer) for
 * {@code check --recursive}: a folder whose {@code config/} holds one of Haraka's own files is a
 * Haraka root; a folder holding such files itself, below no root, is a config folder. The walk does
 * not descend into a tree it found (its node_modules may hold thousands of files), nor into
 * {@code node_modules} or {@code .git}, and does not follow symbolic links (no loops, nothing outside
 * the folder the user named).
 */
public final class TreeFinder {
  /** Files whose presence makes a folder a config folder (as the git selection uses). */
  private static final List<String> MARKERS =
      List.of("plugins", "smtp.ini", "connection.ini", "smtp.json", "smtp.yaml", "tls.ini", "relay.ini");

  private TreeFinder() {}

  /** Calls {@code found} with each tree below {@code top} (or {@code top} itself), in walk order. */
  public static void find(Path top, Consumer<Path> found) {
    if (!Files.isDirectory(top)) throw new UserError(top + ": not a folder");
    try {
      Files.walkFileTree(top, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          Path name = dir.getFileName();
          if (name != null && !dir.equals(top)) {
            String n = name.toString();
            if (n.equals("node_modules") || n.equals(".git")) return FileVisitResult.SKIP_SUBTREE;
          }
          Path config = dir.resolve("config");
          if ((Files.isDirectory(config, LinkOption.NOFOLLOW_LINKS) && isConfigFolder(config)) || isConfigFolder(dir)) {
            found.accept(dir);
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // an unreadable folder holds no tree we can lint
        }
      });
    } catch (IOException e) {
      throw new UserError(top + ": cannot be walked (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static boolean isConfigFolder(Path dir) {
    for (String m : MARKERS) {
      if (Files.isRegularFile(dir.resolve(m), LinkOption.NOFOLLOW_LINKS)) return true;
    }
    return false;
  }
}
