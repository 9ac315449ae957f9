package io.harakalint.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs haraka-config itself ({@code test-tools/haraka-config/dump.js}, one node process) over the
 * {@link IniCorpus} and decodes its answers into plain Java values, so the tests can compare them
 * with our parser (and with ini4j). The run happens once per JVM and is shared by both tests.
 *
 * <p>Decoded values: a JS object is a {@link LinkedHashMap} in JS key order, an array a
 * {@link List}, a number a {@link Double} (so -0, NaN and Infinity compare exactly), {@code undefined}
 * is {@link #UNDEFINED}, strings, booleans and null are themselves.
 */
final class HarakaConfigOracle {
  static final String EXPECTED_VERSION = "1.7.0";

  /** JavaScript's {@code undefined}, distinct from null and from "". */
  enum Undefined {
    UNDEFINED;

    @Override
    public String toString() {
      return "undefined";
    }
  }

  static final Undefined UNDEFINED = Undefined.UNDEFINED;

  /** What haraka-config made of one file. */
  record Outcome(boolean ok, Object value, String error, List<String> logs, boolean meHostname) {
    long logsStartingWith(String prefix) {
      return logs.stream().filter(l -> l.startsWith(prefix)).count();
    }
  }

  /**
   * The shared run.
   *
   * @param outcomes haraka-config's answer per case, same order as {@code cases}
   * @param withoutBooleans for INI cases: the answer with no booleans declared (ini4j cannot type)
   */
  record Run(Path projectRoot, List<IniCorpus.Case> cases, List<Outcome> outcomes, List<Outcome> withoutBooleans,
      String harakaConfigVersion, long nodeMillis, String skipReason) {
    boolean skipped() {
      return skipReason != null;
    }
  }

  private static Run run;

  /** The node and npm commands; override with -Dharakalint.node=/path/to/node (and harakalint.npm). */
  static final String NODE = System.getProperty("harakalint.node", "node");
  static final String NPM = System.getProperty("harakalint.npm", "npm");

  private HarakaConfigOracle() {}

  static synchronized Run run() {
    if (run == null) run = compute();
    return run;
  }

  static Path projectRoot() {
    String p = System.getProperty("project.root");
    return (p == null || p.isBlank() ? Paths.get("") : Paths.get(p)).toAbsolutePath().normalize();
  }

  private static Run compute() {
    Path root = projectRoot();
    Path tools = root.resolve("test-tools/haraka-config");
    Path dump = tools.resolve("dump.js");
    if (!Files.isRegularFile(dump)) return skip(root, "haraka-config oracle not found: " + dump);
    String node = commandVersion(NODE);
    if (node == null) return skip(root, "node is not installed (`" + NODE + " --version` failed); it runs haraka-config as the oracle");
    Path pkg = tools.resolve("node_modules/haraka-config/package.json");
    if (!Files.isRegularFile(pkg)) {
      String why = npmInstall(tools);
      if (!Files.isRegularFile(pkg)) {
        return skip(root, "test-tools/haraka-config/node_modules is missing and could not be installed (" + why
            + "); run `npm ci` in test-tools/haraka-config");
      }
    }
    ObjectMapper json = new ObjectMapper();
    try {
      String version = json.readTree(pkg.toFile()).path("version").asText();
      Path tmp = Files.createTempDirectory("haraka-lint-fidelity-");
      deleteOnExit(tmp);
      List<IniCorpus.Case> cases = IniCorpus.build(tmp.resolve("corpus"), root);

      // Manifest: every case, then each INI case that declares booleans once more without them.
      ArrayNode manifest = json.createArrayNode();
      List<Integer> plainIndex = new ArrayList<>();
      for (IniCorpus.Case c : cases) manifest.add(entry(json, c, c.booleans()));
      for (IniCorpus.Case c : cases) {
        if (c.isIni() && !c.booleans().isEmpty()) {
          plainIndex.add(manifest.size());
          manifest.add(entry(json, c, List.of()));
        } else {
          plainIndex.add(-1);
        }
      }
      Path in = tmp.resolve("manifest.json");
      Path out = tmp.resolve("out.json");
      Path err = tmp.resolve("err.txt");
      json.writeValue(in.toFile(), manifest);
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(NODE, dump.toString()).directory(tools.toFile())
          .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("dump.js did not finish within 180 s");
      }
      long millis = (System.nanoTime() - t0) / 1_000_000;
      if (p.exitValue() != 0) {
        throw new IllegalStateException("dump.js exited with " + p.exitValue() + ": "
            + Files.readString(err, StandardCharsets.UTF_8));
      }
      JsonNode results = json.readTree(out.toFile());
      if (!results.isArray() || results.size() != manifest.size()) {
        throw new IllegalStateException("dump.js answered " + results.size() + " results for " + manifest.size() + " files");
      }
      List<Outcome> outcomes = new ArrayList<>();
      List<Outcome> plain = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        Outcome o = outcome(results.get(i));
        outcomes.add(o);
        int pi = plainIndex.get(i);
        plain.add(pi < 0 ? (cases.get(i).isIni() ? o : null) : outcome(results.get(pi)));
      }
      return new Run(root, List.copyOf(cases), List.copyOf(outcomes), plain, version, millis, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode entry(ObjectMapper json, IniCorpus.Case c, List<String> booleans) {
    ObjectNode o = json.createObjectNode();
    o.put("path", c.file().toString());
    o.put("type", c.type());
    ArrayNode b = o.putArray("booleans");
    booleans.forEach(b::add);
    return o;
  }

  private static Outcome outcome(JsonNode r) {
    List<String> logs = new ArrayList<>();
    r.path("logs").forEach(l -> logs.add(l.asText()));
    if (!r.path("ok").asBoolean()) return new Outcome(false, null, r.path("error").asText(), logs, false);
    return new Outcome(true, decode(r.get("value")), null, logs, r.path("meHostname").asBoolean(false));
  }

  /** The JSON encoding of dump.js back to values (see its header comment). */
  static Object decode(JsonNode n) {
    if (n == null || n.isNull()) return null;
    if (n.isTextual()) return n.asText();
    if (n.isBoolean()) return n.asBoolean();
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(e -> l.add(decode(e)));
      return l;
    }
    if (n.isObject()) {
      if (n.has("$undefined")) return UNDEFINED;
      if (n.has("$number")) return jsNumber(n.get("$number").asText());
      if (n.has("$object")) {
        Map<String, Object> m = new LinkedHashMap<>();
        n.get("$object").forEach(kv -> m.put(kv.get(0).asText(), decode(kv.get(1))));
        return m;
      }
    }
    throw new IllegalArgumentException("unexpected value from dump.js: " + n);
  }

  /** Parses JS's String(n): shortest round-trip digits, so the double is exact. */
  static Double jsNumber(String s) {
    return switch (s) {
      case "NaN" -> Double.NaN;
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> Double.valueOf(s);
    };
  }

  private static Run skip(Path root, String reason) {
    return new Run(root, List.of(), List.of(), List.of(), null, 0, reason);
  }

  /** {@code cmd --version}, or null when the command cannot be run. */
  private static String commandVersion(String cmd) {
    try {
      Process p = new ProcessBuilder(cmd, "--version").redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
      return new String(out, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Tries {@code npm ci} (or {@code npm install} without a lock file) in test-tools/haraka-config. */
  private static String npmInstall(Path tools) {
    if (commandVersion(NPM) == null) return "npm is not installed";
    List<String> cmd = Files.isRegularFile(tools.resolve("package-lock.json"))
        ? List.of(NPM, "ci", "--no-audit", "--no-fund")
        : List.of(NPM, "install", "--no-audit", "--no-fund");
    System.out.println("haraka-config fidelity: node_modules missing, running `" + String.join(" ", cmd) + "` in " + tools);
    try {
      Process p = new ProcessBuilder(cmd).directory(tools.toFile()).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return String.join(" ", cmd) + " timed out";
      }
      if (p.exitValue() != 0) {
        String text = new String(out, StandardCharsets.UTF_8).trim();
        return String.join(" ", cmd) + " failed: " + text.substring(Math.max(0, text.length() - 400));
      }
      return "installed";
    } catch (IOException e) {
      return String.join(" ", cmd) + " could not start: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static void deleteOnExit(Path dir) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // best effort: it is a temp directory
      }
    }));
  }
}
