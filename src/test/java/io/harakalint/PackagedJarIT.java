package io.harakalint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The jar users run, after packaging (Maven's failsafe, in the integration-test phase): the unit
 * tests run on Maven's class path and cannot see what shading changes. It once dropped the
 * Multi-Release attribute, and every Freemarker format failed in the jar while all tests passed.
 */
class PackagedJarIT {
  private static final Path JAR = Path.of("target/haraka-lint.jar");
  private static final Path JSA = Path.of("target/haraka-lint.jsa");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "jsonl", "markdown", "html", "sarif", "rdjson", "junit", "checkstyle", "gitlab"})
  void everyFormatRendersFromTheJar(String format) throws Exception {
    Result r = run(Path.of("."), "check", "--format", format, "samples/legacy-java8");
    assertThat(r.err).isEmpty();
    assertThat(r.code).isEqualTo(1); // the sample has findings at or above high
    assertThat(r.out).contains("HL303");
  }

  /** A repository holding samples/legacy-java8 with one staged edit. */
  private Path stagedSampleRepo() throws Exception {
    Path repo = dir.resolve("repo");
    copy(Path.of("samples/legacy-java8"), repo.resolve("legacy-java8"));
    try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(repo.toFile()).call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("sample").setAuthor("t", "t@invalid").setCommitter("t", "t@invalid").setSign(false).call();
      Files.writeString(repo.resolve("legacy-java8/config/smtp.ini"), "; edit\n", StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.APPEND);
      git.add().addFilepattern("legacy-java8/config/smtp.ini").call();
    }
    return repo;
  }

  @Test
  void launcherServesTheHookFromTheResidentServerWithTheSameAnswer() throws Exception {
    Path repo = stagedSampleRepo();
    Path run = dir.resolve("run");
    Files.createDirectories(run);
    java.util.Map<String, String> env = new java.util.HashMap<>(java.util.Map.of("XDG_RUNTIME_DIR", run.toString(), "HARAKA_LINT_SERVER", "1"));
    Result first = launcher(repo, env, "check", "--staged"); // no server yet: a normal run, which starts one
    assertThat(first.out).contains("legacy-java8 (staged)").contains("HL303");
    Path state = run.resolve("haraka-lint/server" + Path.of("").toAbsolutePath().toString().replace('/', '_'));
    for (int i = 0; i < 600 && !Files.exists(state); i++) Thread.sleep(50);
    assertThat(state).as("the server's state file").exists();
    long pid = Long.parseLong(Files.readString(state).trim().split(" ")[2]);
    try {
      env.put("JAVA_HOME", dir.resolve("no-java-here").toString()); // only the server can answer now
      Result served = launcher(repo, env, "check", "--staged");
      assertThat(served).isEqualTo(first);
    } finally {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
      ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
    }
  }

  @Test
  void stagedCheckRunsFromTheJarWithItsClassDataArchive() throws Exception {
    Path repo = stagedSampleRepo();
    assertThat(JSA).as("the class-data archive made at package time").exists();
    Result r = run(repo, "check", "--staged", "--format", "json");
    assertThat(r.err).isEmpty();
    assertThat(r.out).contains("legacy-java8 (staged)").contains("HL303");
  }

  private record Result(int code, String out, String err) {}

  private static Result run(Path cwd, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:SharedArchiveFile=" + JSA.toAbsolutePath(), "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
        "-jar", JAR.toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    return exec(cwd, java.util.Map.of(), cmd);
  }

  /** bin/haraka-lint itself, with extra environment. */
  private static Result launcher(Path cwd, java.util.Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of("bin/haraka-lint").toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    return exec(cwd, env, cmd);
  }

  private static Result exec(Path cwd, java.util.Map<String, String> env, List<String> cmd) throws Exception {
    Path out = Files.createTempFile("jar-out", ".txt");
    Path err = Files.createTempFile("jar-err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("the jar did not finish in 60 s: " + cmd);
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      p.destroyForcibly();
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(dest);
        else Files.copy(p, dest);
      }
    }
  }
}
