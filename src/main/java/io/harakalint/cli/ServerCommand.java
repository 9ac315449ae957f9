package io.harakalint.cli;

import io.harakalint.load.UserError;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code haraka-lint server}: the resident process the launcher talks to when HARAKA_LINT_SERVER=1
 * ({@link HookServer}). The launcher starts it in the background on first use; run it by hand only
 * to test it.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
    description = "Serve the pre-commit hook's 'check --staged' from a warm JVM (opt-in: HARAKA_LINT_SERVER=1 in the launcher).")
final class ServerCommand implements Callable<Integer> {
  @Option(names = "--state", paramLabel = "FILE", required = true,
      description = "where to publish the port and token (the launcher's choice: $XDG_RUNTIME_DIR/haraka-lint/ or ~/.cache/haraka-lint/)")
  Path state;

  @Option(names = "--idle-minutes", paramLabel = "N", defaultValue = "30", description = "quit after N minutes without a request (default: ${DEFAULT-VALUE})")
  int idleMinutes;

  @Option(names = "--jar", paramLabel = "FILE", description = "quit when this jar changes (the launcher passes its own)")
  Path jar;

  @Override
  public Integer call() {
    HookServer server = new HookServer(state, idleMinutes * 60_000L, jar);
    // Stopped by a signal (kill PID), the server still takes its state file with it.
    Runtime.getRuntime().addShutdownHook(new Thread(server::removeIfMine, "haraka-lint-server-exit"));
    Thread warm = new Thread(ServerCommand::warmUp, "haraka-lint-warm-up");
    warm.setDaemon(true);
    warm.setPriority(Thread.MIN_PRIORITY);
    warm.start();
    try {
      server.serve();
    } catch (IOException e) {
      throw new UserError("server: cannot listen or publish " + state + " (" + e.getClass().getSimpleName() + ")");
    }
    return ExitCode.OK;
  }

  /**
   * Compiles the hot paths before the first hook arrives: a few hundred lints of a small tree, then
   * staged checks of it in a throwaway repository (JGit's path), output discarded. Each round holds
   * the server's lock, so it never overlaps a request (they share JGit's environment override).
   */
  private static void warmUp() {
    Map<String, String> files = Map.of(
        "config/plugins", "tls\nauth/flat_file\nrelay\nrcpt_to.in_host_list\nqueue/smtp_forward\n",
        "config/relay.ini", "[relay]\nacl=true\n",
        "config/relay_acl_allow", "192.0.2.10/32\n",
        "config/tls.ini", "[main]\nminVersion=TLSv1.2\nno_tls_hosts[]=192.0.2.10\n",
        "config/smtp.ini", "[main]\nlisten=[::0]:25,[::0]:587\nnodes=1\n",
        "config/auth_flat_file.ini", "[core]\nmethods=PLAIN,LOGIN\n");
    io.harakalint.load.MemoryTreeSource tree = new io.harakalint.load.MemoryTreeSource("warm-up");
    files.forEach(tree::put);
    for (int i = 0; i < 300; i++) {
      synchronized (HookServer.LOCK) {
        io.harakalint.policy.PolicyLint.lint(tree, null, null, io.harakalint.rules.LintOptions.DEFAULTS, true);
      }
    }
    Path repo = null;
    try {
      repo = Files.createTempDirectory("haraka-lint-warm-up");
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path p = repo.resolve("mx/" + f.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
      }
      CdsTraining.commitThenStageAnEdit(repo, "mx/config/smtp.ini");
      PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
      for (int i = 0; i < 40; i++) {
        synchronized (HookServer.LOCK) {
          io.harakalint.git.GitRepo.useClientEnvironment(Map.of()); // not the environment of the hook that started us
          try {
            Main.run(new String[] {"check", "--staged", "--fail-on", "none", repo.toString()}, sink, sink);
          } finally {
            io.harakalint.git.GitRepo.useClientEnvironment(null);
          }
        }
      }
    } catch (IOException | org.eclipse.jgit.api.errors.GitAPIException | RuntimeException e) {
      // a warm-up that fails only leaves the first hooks slower
    } finally {
      if (repo != null) {
        try {
          CdsTraining.delete(repo);
        } catch (IOException leftBehind) {
          // a temp folder; the OS cleans it
        }
      }
    }
  }
}
