package io.harakalint.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything a Haraka process printed (stdout and stderr), line by line, as it arrives. Haraka's
 * default log format puts the connection UUID in the second bracket
 * ({@code [NOTICE] [UUID] [core] connect ip=127.0.0.1 port=41234 ...}); transaction lines add
 * {@code .N}. A probe finds its own session through the local port of its socket. With
 * {@code log.ini [main] format=json} the same facts are JSON keys ({@code "uuid":"…"}, and the
 * connect line's {@code "port":41234}); {@code timestamps=true} puts an ISO time before either.
 */
public final class ServerLog {
  private static final Pattern UUID = Pattern.compile("^(?:\\S+Z )?\\[[A-Z]+\\] \\[([0-9A-F-]{36})(?:\\.\\d+)?\\]");
  private static final Pattern JSON_UUID = Pattern.compile("^(?:\\S+Z )?\\{.*?\"uuid\":\"([0-9A-F-]{36})(?:\\.\\d+)?\"");

  private final List<String> lines = new ArrayList<>();

  synchronized void add(String line) {
    lines.add(line);
    notifyAll();
  }

  /** The position after the last line so far; pass it to {@link #since}. */
  public synchronized int mark() {
    return lines.size();
  }

  public synchronized List<String> all() {
    return List.copyOf(lines);
  }

  public synchronized List<String> since(int mark) {
    return List.copyOf(lines.subList(Math.min(mark, lines.size()), lines.size()));
  }

  /** Waits up to {@code timeout} for a line at or after {@code from} that matches. */
  public synchronized Optional<String> await(int from, Predicate<String> match, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    int i = from;
    while (true) {
      for (; i < lines.size(); i++) if (match.test(lines.get(i))) return Optional.of(lines.get(i));
      long left = end - System.nanoTime();
      if (left <= 0) return Optional.empty();
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  /** The connection UUID of the session whose client used {@code localPort}, if it was logged. */
  public Optional<String> sessionId(int from, int localPort, Duration timeout) {
    String marker = "connect ip=127.0.0.1 port=" + localPort + " ";
    String json = "\"message\":\"connect\",\"ip\":\"127.0.0.1\",\"port\":" + localPort + ",";
    return await(from, l -> l.contains(marker) || l.contains(json), timeout).flatMap(ServerLog::uuidOf);
  }

  /** Haraka's connect line, in the default or the JSON format. */
  static boolean isConnect(String line) {
    return line.contains("] [core] connect ip=") || line.contains("\"origin\":\"core\",\"message\":\"connect\",");
  }

  /** Haraka's disconnect line (the session summary), in the default or the JSON format. */
  static boolean isDisconnect(String line) {
    return line.contains("disconnect ip=") || line.contains("\"message\":\"disconnect\",");
  }

  /** The lines of one session (its UUID, with or without a transaction suffix). */
  public synchronized List<String> session(String uuid) {
    return lines.stream().filter(l -> uuidOf(l).map(uuid::equals).orElse(false)).toList();
  }

  static Optional<String> uuidOf(String line) {
    Matcher m = UUID.matcher(line);
    if (m.find()) return Optional.of(m.group(1));
    Matcher j = JSON_UUID.matcher(line);
    return j.find() ? Optional.of(j.group(1)) : Optional.empty();
  }

  /** Lines that contain {@code text}. */
  public synchronized List<String> containing(String text) {
    return lines.stream().filter(l -> l.contains(text)).toList();
  }
}
