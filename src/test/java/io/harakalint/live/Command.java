package io.harakalint.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short-lived command with a bounded wait: output goes to a temporary file (so a chatty or
 * stuck process can never block the test on a pipe), and a process that outlives its time is killed
 * by its PID, with its children.
 *
 * @param exitCode the exit code, or -1 when it was killed after {@code timeout}
 */
record Command(List<String> command, int exitCode, String output, boolean timedOut) {

  boolean ok() {
    return !timedOut && exitCode == 0;
  }

  List<String> lines() {
    return output.lines().toList();
  }

  /** Runs {@code command} in {@code dir} (null: the current one) with {@code stdin} as its input. */
  static Command run(List<String> command, Path dir, String stdin, Duration timeout) {
    Path out = null;
    Path in = null;
    try {
      out = Files.createTempFile("haraka-lint-live-", ".out");
      in = Files.createTempFile("haraka-lint-live-", ".in");
      Files.writeString(in, stdin == null ? "" : stdin, StandardCharsets.UTF_8);
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(out.toFile()).redirectInput(in.toFile());
      if (dir != null) pb.directory(dir.toFile());
      Process p = pb.start();
      boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
      }
      String text = Files.readString(out, StandardCharsets.UTF_8);
      return new Command(command, done ? p.exitValue() : -1, text, !done);
    } catch (IOException e) {
      return new Command(command, -1, "could not start: " + e.getMessage(), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Command(command, -1, "interrupted", false);
    } finally {
      deleteQuietly(out);
      deleteQuietly(in);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p == null) return;
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a temp file: the OS cleans it up
    }
  }
}
