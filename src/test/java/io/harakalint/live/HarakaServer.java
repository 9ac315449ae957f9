package io.harakalint.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One Haraka process: {@code node <install>/node_modules/Haraka/bin/haraka -c <root>} with
 * {@code HARAKA=<root>} and {@code YES_REALLY_DO_DISCARD=1} (so queue/discard accepts and drops),
 * its output captured in a {@link ServerLog}.
 *
 * <p>{@link #start} waits (bounded) until Haraka logs that it listens on 127.0.0.1:PORT, or exits
 * (a start-up crash is a result, not an error: see {@link #exited()}). {@link #close} stops it by
 * its PID, children first. Two safety nets stop servers whose test forgot: a watchdog kills any
 * server older than {@link #MAX_LIFETIME}, and a JVM shutdown hook kills whatever is left.
 */
public final class HarakaServer implements AutoCloseable {
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  static final Duration MAX_LIFETIME = Duration.ofMinutes(3);

  private static final Set<HarakaServer> RUNNING = new LinkedHashSet<>();
  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "haraka-lint-live-watchdog");
    t.setDaemon(true);
    return t;
  });

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      List<HarakaServer> left;
      synchronized (RUNNING) {
        left = List.copyOf(RUNNING);
      }
      left.forEach(HarakaServer::kill);
    }, "haraka-lint-live-shutdown"));
  }

  private final ScenarioTree.Prepared tree;
  private final Process process;
  private final ServerLog log = new ServerLog();
  private final Thread reader;
  private final ScheduledFuture<?> watchdog;
  private volatile boolean stopped;
  private Duration startTime;

  private HarakaServer(ScenarioTree.Prepared tree, Process process) {
    this.tree = tree;
    this.process = process;
    this.reader = new Thread(this::pump, "haraka-lint-live-log-" + tree.scenario());
    reader.setDaemon(true);
    reader.start();
    this.watchdog = WATCHDOG.schedule(() -> {
      if (process.isAlive()) {
        System.out.println("live: watchdog: killing Haraka for " + tree.scenario() + " (pid " + process.pid()
            + "), still running after " + MAX_LIFETIME.toSeconds() + " s");
        kill();
      }
    }, MAX_LIFETIME.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts Haraka on a prepared tree and waits until it listens or exits. */
  public static HarakaServer start(ScenarioTree.Prepared tree) {
    HarakaInstall install = tree.install();
    ProcessBuilder pb = new ProcessBuilder(HarakaInstall.NODE, install.harakaBin().toString(), "-c", tree.root().toString())
        .directory(tree.root().toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.remove("NODE_OPTIONS");
    env.remove("HARAKA_TEST_DIR");
    env.remove("NODE_ENV");
    env.put("HARAKA", tree.root().toString());
    env.put("YES_REALLY_DO_DISCARD", "1");
    long t0 = System.nanoTime();
    Process p;
    try {
      p = pb.start();
      p.getOutputStream().close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Haraka for " + tree.scenario(), e);
    }
    HarakaServer s = new HarakaServer(tree, p);
    synchronized (RUNNING) {
      RUNNING.add(s);
    }
    s.awaitListeningOrExit(t0);
    return s;
  }

  private void awaitListeningOrExit(long t0) {
    long end = t0 + START_TIMEOUT.toNanos();
    while (System.nanoTime() < end) {
      Optional<String> listening = log.await(0, l -> l.contains("Listening on "), Duration.ofMillis(100));
      if (listening.isPresent()) {
        startTime = Duration.ofNanos(System.nanoTime() - t0);
        if (!listening.get().contains("Listening on 127.0.0.1:" + tree.port())) {
          kill();
          throw new IllegalStateException("Haraka for " + tree.scenario() + " listened elsewhere than 127.0.0.1:"
              + tree.port() + ", stopped: " + listening.get());
        }
        return;
      }
      if (!process.isAlive()) {
        joinReader();
        startTime = Duration.ofNanos(System.nanoTime() - t0);
        finished();
        return;
      }
    }
    kill();
    throw new IllegalStateException("Haraka for " + tree.scenario() + " neither listened nor exited within "
        + START_TIMEOUT.toSeconds() + " s; log:\n" + String.join("\n", log.all()));
  }

  private void pump() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) log.add(line);
    } catch (IOException ignored) {
      // the process was stopped
    }
  }

  private void joinReader() {
    try {
      reader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public ScenarioTree.Prepared tree() {
    return tree;
  }

  public int port() {
    return tree.port();
  }

  public ServerLog log() {
    return log;
  }

  /** How long it took to listen (or to exit). */
  public Duration startTime() {
    return startTime;
  }

  /** True while the process runs. */
  public boolean running() {
    return process.isAlive();
  }

  /** Whether the process ended by itself (a crash, for Haraka), not because the harness stopped it. */
  public boolean exited() {
    return !process.isAlive() && !stopped;
  }

  /** The exit code once it ended. */
  public Optional<Integer> exitCode() {
    return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
  }

  /** Waits up to {@code timeout} for the process to end by itself. */
  public boolean awaitExit(Duration timeout) {
    try {
      boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (done) {
        joinReader();
        finished();
      }
      return done;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Stops the server by its PID (children first) and deletes the throwaway tree. */
  @Override
  public void close() {
    kill();
    tree.delete();
  }

  private void kill() {
    if (process.isAlive()) stopped = true;
    ProcessHandle h = process.toHandle();
    h.descendants().forEach(ProcessHandle::destroyForcibly);
    if (h.isAlive()) {
      h.destroy();
      try {
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
          h.destroyForcibly();
          process.waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        h.destroyForcibly();
      }
    }
    joinReader();
    finished();
  }

  private void finished() {
    watchdog.cancel(false);
    synchronized (RUNNING) {
      RUNNING.remove(this);
    }
  }

  @Override
  public String toString() {
    return tree.install().label() + " on 127.0.0.1:" + tree.port() + " (" + tree.scenario() + ", pid " + process.pid() + ")";
  }
}
