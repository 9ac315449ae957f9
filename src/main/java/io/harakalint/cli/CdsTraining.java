package io.harakalint.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * The training run behind the class-data-sharing archive (built at package time by Maven, or by
 * bin/haraka-lint when the jar is newer than its archive). It runs what a pre-commit hook and an
 * audit run, so the JVM records the classes they load and later runs map them instead of parsing
 * and verifying them: a plain {@code check} in text and JSON, and {@code check --staged} in a
 * throwaway git repository holding the same tree with one staged edit.
 *
 * <p>Usage: {@code java -XX:ArchiveClassesAtExit=A.jsa -cp haraka-lint.jar io.harakalint.cli.CdsTraining TREE}
 */
public final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: CdsTraining SAMPLE_TREE");
      System.exit(2);
    }
    Path sample = Path.of(args[0]);
    PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    Main.run(new String[] {"check", "--fail-on", "none", sample.toString()}, sink, sink);
    Main.run(new String[] {"check", "--format", "json", "--fail-on", "none", sample.toString()}, sink, sink);
    Path repo = Files.createTempDirectory("haraka-lint-training");
    try {
      copy(sample, repo.resolve("tree"));
      commitThenStageAnEdit(repo, "tree/config/smtp.ini");
      Main.run(new String[] {"check", "--staged", "--fail-on", "none", repo.toString()}, sink, sink);
    } finally {
      delete(repo);
    }
  }

  /**
   * Makes {@code repo} a git repository whose one commit holds what is in it, then appends a comment
   * line to {@code edited} and stages it: what a pre-commit hook sees. Shared with the resident
   * server's warm-up ({@link ServerCommand}).
   */
  static void commitThenStageAnEdit(Path repo, String edited) throws IOException, GitAPIException {
    try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("training").setAuthor("training", "training@invalid")
          .setCommitter("training", "training@invalid").setSign(false).call();
      Files.writeString(repo.resolve(edited), "; training edit\n", StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      git.add().addFilepattern(edited).call();
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      walk.forEach(p -> {
        try {
          Path dest = to.resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) Files.createDirectories(dest);
          else Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  static void delete(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
