package io.harakalint.cli;

import io.harakalint.git.GitRepo;
import io.harakalint.load.UserError;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The opt-in resident process behind {@code HARAKA_LINT_SERVER=1}: a warm JVM that answers the
 * pre-commit hook's {@code check --staged} in a few milliseconds instead of a cold start (issue 8's
 * start-up budget, which a cold JVM cannot meet; see the README's Start-up section).
 *
 * <p>Safety: it listens on 127.0.0.1 only, on a port the kernel picks; every request must carry the
 * 256-bit token written with the port to a state file only the user can read (folder 0700, file
 * 0600); it serves one request at a time, only {@code check --staged} with no path-valued option
 * (anything else is answered "run it yourself" and the launcher starts a JVM as usual), and it quits
 * when idle for {@code idleMinutes}, when its jar is rebuilt, or when its state file is removed or
 * taken over by another server.
 *
 * <p>Protocol (bash's /dev/tcp speaks it, see bin/haraka-lint): the client sends NUL-terminated
 * fields {@code HLS1, token, cwd, tty (0|1), n, n "NAME=value" environment entries, m, m arguments};
 * the server answers one line {@code "<exit> <stderr bytes> <stdout bytes>\n"} and then stderr and
 * stdout. Exit {@value #RUN_IT_YOURSELF} means: not served, run the command normally.
 */
final class HookServer {
  /** The answer for a request the server does not take: the launcher then runs the JVM itself. */
  static final int RUN_IT_YOURSELF = 255;
  /** The client's environment the server honours: git's own variables (a hook's index may be a temporary one) and colour. */
  static final List<String> CLIENT_ENV = List.of("GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_OBJECT_DIRECTORY",
      "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CEILING_DIRECTORIES", "GIT_COMMON_DIR", "NO_COLOR", "TERM");
  /** Held while a request or a warm-up round runs: they share JGit's environment override. */
  static final Object LOCK = new Object();
  private static final int MAX_REQUEST = 1 << 20;
  private static final int MAX_FIELDS = 10_000;

  private final Path state;
  private final long idleMillis;
  private final Path jar; // null when not run from a jar (tests)
  private final FileTime jarTime;
  private final String token;
  private volatile ServerSocket socket;

  HookServer(Path state, long idleMillis, Path jar) {
    this.state = state.toAbsolutePath();
    this.idleMillis = idleMillis;
    this.jar = jar;
    this.jarTime = jar == null ? null : modified(jar);
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.token = HexFormat.of().formatHex(secret);
  }

  /** Binds, publishes the port and token, then serves until idle, rebuilt or replaced. */
  void serve() throws IOException {
    try (ServerSocket ss = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
      socket = ss;
      // "port token pid": the pid lets a script or test stop exactly this process.
      String published = ss.getLocalPort() + " " + token + " " + ProcessHandle.current().pid() + "\n";
      publish(published);
      ss.setSoTimeout(5_000);
      long lastUsed = System.currentTimeMillis();
      while (true) {
        Socket client;
        try {
          client = ss.accept();
        } catch (SocketTimeoutException tick) {
          if (System.currentTimeMillis() - lastUsed > idleMillis || !stillMine(published) || rebuilt()) break;
          continue;
        } catch (java.net.SocketException closed) {
          if (ss.isClosed()) break; // stop()
          throw closed;
        }
        try (Socket c = client) {
          c.setSoTimeout(10_000);
          answer(c);
        } catch (IOException | RuntimeException oneBadClient) {
          // a client that vanished or sent garbage does not stop the server
        }
        lastUsed = System.currentTimeMillis();
        if (rebuilt()) break;
      }
    } finally {
      removeIfMine();
    }
  }

  /** Stops a running {@link #serve()} (tests). */
  void stop() throws IOException {
    ServerSocket ss = socket;
    if (ss != null) ss.close();
  }

  private void answer(Socket c) throws IOException {
    InputStream in = new BufferedInputStream(c.getInputStream());
    OutputStream out = c.getOutputStream();
    Request r = Request.read(in);
    if (r == null || !MessageDigest.isEqual(r.token().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      reply(out, RUN_IT_YOURSELF, "", "");
      return;
    }
    String[] args = servable(r);
    if (args == null || rebuilt()) {
      reply(out, RUN_IT_YOURSELF, "", "");
      return;
    }
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code;
    synchronized (LOCK) {
      GitRepo.useClientEnvironment(gitEnvironment(r));
      CheckCommand.clientTerminal = new CheckCommand.Terminal(r.tty(), r.env().get("NO_COLOR"), r.env().get("TERM"));
      try {
        code = Main.run(args, new PrintWriter(o), new PrintWriter(e));
      } finally {
        GitRepo.useClientEnvironment(null);
        CheckCommand.clientTerminal = null;
      }
    }
    reply(out, code, e.toString(), o.toString());
  }

  /**
   * The arguments to run for this request, or null when the server does not take it: only
   * {@code check --staged} without paths, outputs or files named relative to a folder the server
   * cannot change into (a JVM has one working directory). The client's folder becomes the PATH,
   * which is what {@code check --staged} with no PATH means.
   */
  static String[] servable(Request r) {
    List<String> a = r.args();
    if (a.isEmpty() || !a.get(0).equals("check") || !Path.of(r.cwd()).isAbsolute()) return null;
    CheckCommand probe = new CheckCommand();
    try {
      new CommandLine(probe).parseArgs(a.subList(1, a.size()).toArray(new String[0]));
    } catch (CommandLine.ParameterException | UserError bad) {
      return null; // let the normal run print the usage error
    }
    if (!probe.staged || !probe.paths.isEmpty() || !probe.outputs.isEmpty() || probe.baseline != null
        || !probe.logs.isEmpty() || probe.recursive || probe.rev != null || probe.tree.policy != null
        || !probe.tree.allowOutside.isEmpty() || probe.render.templateDir != null
        || a.contains("--help") || a.contains("-h") || a.contains("--version") || a.contains("-V")
        || a.contains("--")) { // the folder is appended after a "--" of our own
      return null;
    }
    List<String> out = new ArrayList<>(a);
    out.add("--");
    out.add(r.cwd());
    return out.toArray(new String[0]);
  }

  /** git's variables from the client, with relative paths made absolute against its folder. */
  static Map<String, String> gitEnvironment(Request r) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : r.env().entrySet()) {
      String k = e.getKey();
      if (!k.startsWith("GIT_")) continue;
      String v = e.getValue();
      boolean onePath = !k.equals("GIT_CEILING_DIRECTORIES") && !k.equals("GIT_ALTERNATE_OBJECT_DIRECTORIES");
      env.put(k, onePath && !v.isEmpty() ? Path.of(r.cwd()).resolve(v).normalize().toString() : v);
    }
    return env;
  }

  private static void reply(OutputStream out, int code, String err, String stdout) throws IOException {
    byte[] e = err.getBytes(StandardCharsets.UTF_8);
    byte[] o = stdout.getBytes(StandardCharsets.UTF_8);
    out.write((code + " " + e.length + " " + o.length + "\n").getBytes(StandardCharsets.US_ASCII));
    out.write(e);
    out.write(o);
    out.flush();
  }

  /** One request, as the client sent it. */
  record Request(String token, String cwd, boolean tty, Map<String, String> env, List<String> args) {
    /** Reads one request; null when it is not one (wrong magic, too big, too many fields, cut short). */
    static Request read(InputStream in) throws IOException {
      int[] budget = {MAX_REQUEST};
      if (!"HLS1".equals(field(in, budget))) return null;
      String token = field(in, budget);
      String cwd = field(in, budget);
      String tty = field(in, budget);
      Integer n = count(field(in, budget));
      if (token == null || cwd == null || tty == null || n == null) return null;
      Map<String, String> env = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String kv = field(in, budget);
        if (kv == null) return null;
        int eq = kv.indexOf('=');
        if (eq > 0 && CLIENT_ENV.contains(kv.substring(0, eq))) env.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
      Integer m = count(field(in, budget));
      if (m == null) return null;
      List<String> args = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        String a = field(in, budget);
        if (a == null) return null;
        args.add(a);
      }
      return new Request(token, cwd, "1".equals(tty), env, args);
    }

    private static Integer count(String s) {
      if (s == null || s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) return null;
      int v = Integer.parseInt(s);
      return v <= MAX_FIELDS ? v : null;
    }

    private static String field(InputStream in, int[] budget) throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) > 0) {
        if (--budget[0] < 0) return null;
        b.write(c);
      }
      return c == 0 ? b.toString(StandardCharsets.UTF_8) : null; // EOF before the NUL: cut short
    }
  }

  private void publish(String line) throws IOException {
    Path dir = state.getParent();
    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path tmp = Files.createTempFile(dir, ".server", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmp, line, StandardCharsets.US_ASCII);
    Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private boolean stillMine(String published) {
    try {
      return Files.readString(state, StandardCharsets.US_ASCII).equals(published);
    } catch (IOException gone) {
      return false;
    }
  }

  /** Removes the state file if it is still this server's (also from the shutdown hook, on SIGTERM). */
  void removeIfMine() {
    try {
      if (Files.readString(state, StandardCharsets.US_ASCII).contains(" " + token + " ")) Files.deleteIfExists(state);
    } catch (IOException gone) {
      // already removed or replaced
    }
  }

  private boolean rebuilt() {
    return jar != null && !jarTime.equals(modified(jar));
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException gone) {
      return FileTime.fromMillis(0);
    }
  }
}
