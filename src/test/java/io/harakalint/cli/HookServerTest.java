package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident hook server, in-process on 127.0.0.1, spoken to with the launcher's protocol: its
 * answers must be byte for byte what a normal run prints, it must refuse a wrong token and every
 * command it cannot serve faithfully, and it must read the client's index, not its own.
 */
class HookServerTest {
  @TempDir Path dir;
  private Path repo;
  private Path state;
  private HookServer server;
  private Thread thread;

  @BeforeEach
  void repositoryAndServer() throws Exception {
    repo = dir.resolve("repo");
    write("mx1/config/plugins", "relay\nrcpt_to.in_host_list\nqueue/smtp_forward\n");
    write("mx1/config/relay.ini", "[relay]\nacl=true\n");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("clean").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").setSign(false).call();
      write("mx1/config/relay.ini", "[relay]\nacl=true\nall=true\n");
      git.add().addFilepattern("mx1/config/relay.ini").call();
    }
    state = dir.resolve("run/haraka-lint/server");
    server = new HookServer(state, 60_000, null);
    thread = new Thread(() -> {
      try {
        server.serve();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    thread.start();
    for (int i = 0; i < 500 && !Files.exists(state); i++) Thread.sleep(10);
  }

  @AfterEach
  void stopServer() throws Exception {
    server.stop();
    thread.join(10_000);
  }

  private void write(String path, String text) throws IOException {
    Path p = repo.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private record Answer(int code, String err, String out) {}

  private Answer ask(String token, Path cwd, Map<String, String> env, String... args) throws IOException {
    String[] published = Files.readString(state).trim().split(" ");
    List<String> fields = new ArrayList<>(List.of("HLS1", token == null ? published[1] : token, cwd.toString(), "0"));
    fields.add(Integer.toString(env.size()));
    env.forEach((k, v) -> fields.add(k + "=" + v));
    fields.add(Integer.toString(args.length));
    fields.addAll(List.of(args));
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(published[0]))) {
      for (String f : fields) s.getOutputStream().write((f + "\0").getBytes(StandardCharsets.UTF_8));
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream header = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) != '\n' && c >= 0) header.write(c);
      String[] h = header.toString(StandardCharsets.US_ASCII).split(" ");
      String err = new String(in.readNBytes(Integer.parseInt(h[1])), StandardCharsets.UTF_8);
      String out = new String(in.readNBytes(Integer.parseInt(h[2])), StandardCharsets.UTF_8);
      return new Answer(Integer.parseInt(h[0]), err, out);
    }
  }

  @Test
  void stateFileIsPrivateAndTheAnswerIsWhatANormalRunPrints() throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.getParent()))).isEqualTo("rwx------");
    Answer a = ask(null, repo, Map.of(), "check", "--staged", "--fail-on", "high");
    CliRunner direct = CliRunner.run("check", "--staged", "--fail-on", "high", repo.toString());
    assertThat(a.code()).isEqualTo(ExitCode.FINDINGS).isEqualTo(direct.code());
    assertThat(a.out()).contains("mx1 (staged)").contains("[HL201]").isEqualTo(direct.out());
    assertThat(a.err()).isEqualTo(direct.err());
  }

  @Test
  void wrongTokenIsRefused() throws Exception {
    assertThat(ask("0".repeat(64), repo, Map.of(), "check", "--staged").code()).isEqualTo(HookServer.RUN_IT_YOURSELF);
  }

  @Test
  void onlyPathFreeStagedChecksAreServed() throws Exception {
    for (String[] args : List.of(new String[] {"check"}, new String[] {"check", "--staged", "mx1"},
        new String[] {"check", "--staged", "--output", "x.json", "--format", "json"}, new String[] {"check", "--staged", "--policy", "p.ini"},
        new String[] {"fix", "--staged"}, new String[] {"check", "--staged", "--no-such-option"}, new String[] {"check", "--staged", "--help"},
        new String[] {"check", "--staged", "--"})) {
      assertThat(ask(null, repo, Map.of(), args).code()).as(String.join(" ", args)).isEqualTo(HookServer.RUN_IT_YOURSELF);
    }
  }

  @Test
  void theClientsIndexFileIsRead() throws Exception {
    // A hook during `git commit -a` runs on a temporary index named by GIT_INDEX_FILE, relative to its folder.
    Files.copy(repo.resolve(".git/index"), repo.resolve(".git/next-index"));
    try (Git git = Git.open(repo.toFile())) {
      git.reset().call(); // the repository's own index no longer holds the change
    }
    assertThat(ask(null, repo, Map.of(), "check", "--staged").out()).contains("no Haraka tree has staged changes");
    Answer a = ask(null, repo, Map.of("GIT_INDEX_FILE", ".git/next-index"), "check", "--staged");
    assertThat(a.out()).contains("[HL201]");
    assertThat(ask(null, repo, Map.of(), "check", "--staged").out()).doesNotContain("[HL201]"); // not kept for the next client
  }

  @Test
  void stopsAndRemovesItsStateWhenAnotherServerTakesOver() throws Exception {
    Files.writeString(state, "1 " + "f".repeat(64) + "\n"); // another server published since
    thread.join(15_000); // it notices on its next idle tick (5 s)
    assertThat(thread.isAlive()).isFalse();
    assertThat(Files.readString(state)).startsWith("1 ffff"); // the other server's file is left alone
  }
}
