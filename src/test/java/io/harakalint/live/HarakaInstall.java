package io.harakalint.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harakalint.model.HarakaVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pinned Haraka installed by npm under {@code test-tools/<dir>} (package.json + package-lock.json
 * committed, node_modules ignored), and the node binary that runs it. {@link #haraka3()} and
 * {@link #haraka2()} install on first use with {@code npm ci} when node_modules is missing, like
 * the haraka-config oracle does; without node, npm or openssl they answer a reason to skip.
 *
 * <p>Override the commands with -Dharakalint.node, -Dharakalint.npm, -Dharakalint.openssl.
 */
public final class HarakaInstall {
  static final String NODE = System.getProperty("harakalint.node", "node");
  static final String NPM = System.getProperty("harakalint.npm", "npm");
  static final String OPENSSL = System.getProperty("harakalint.openssl", "openssl");

  /** The same flags as .ci/run: optional plugins and install scripts (iconv's native build) are not needed. */
  static final List<String> NPM_CI = List.of("ci", "--omit=optional", "--ignore-scripts", "--no-audit", "--no-fund",
      "--loglevel=error");

  private static HarakaInstall haraka3;
  private static HarakaInstall haraka2;

  private final String dir;
  private final Path root;
  private final HarakaVersion version;
  private final Map<String, String> packages;
  private final String skipReason;

  private HarakaInstall(String dir, Path root, HarakaVersion version, Map<String, String> packages, String skipReason) {
    this.dir = dir;
    this.root = root;
    this.version = version;
    this.packages = packages;
    this.skipReason = skipReason;
  }

  /** Haraka 3.3.4 with haraka-plugin-relay 1.0.2 ({@code test-tools/haraka3}). */
  public static synchronized HarakaInstall haraka3() {
    if (haraka3 == null) haraka3 = locate("haraka3", "haraka-plugin-relay");
    return haraka3;
  }

  /** Haraka 2.8.28, whose core relay plugin has the relay &lt;= 1.0.1 ACL semantics ({@code test-tools/haraka2}). */
  public static synchronized HarakaInstall haraka2() {
    if (haraka2 == null) haraka2 = locate("haraka2");
    return haraka2;
  }

  public boolean available() {
    return skipReason == null;
  }

  /** Why the live tests cannot run on this machine, or null. */
  public String skipReason() {
    return skipReason;
  }

  public HarakaVersion version() {
    return version;
  }

  /** The Haraka package folder (node_modules/Haraka). */
  public Path harakaPackage() {
    return root.resolve("node_modules/Haraka");
  }

  /** {@code bin/haraka}, run as {@code node bin/haraka -c ROOT}. */
  public Path harakaBin() {
    return harakaPackage().resolve("bin/haraka");
  }

  /** Installed npm packages that matter to the rules (Haraka and plugins), name to version. */
  public Map<String, String> packages() {
    return packages;
  }

  /** "Haraka 3.3.4 (haraka-plugin-relay 1.0.2)". */
  public String label() {
    StringBuilder s = new StringBuilder("Haraka ").append(version);
    List<String> extra = new ArrayList<>();
    packages.forEach((name, v) -> {
      if (!name.equals("Haraka")) extra.add(name + " " + v);
    });
    if (!extra.isEmpty()) s.append(" (").append(String.join(", ", extra)).append(')');
    return s.toString();
  }

  @Override
  public String toString() {
    return label();
  }

  static Path projectRoot() {
    String p = System.getProperty("project.root");
    return (p == null || p.isBlank() ? Paths.get("") : Paths.get(p)).toAbsolutePath().normalize();
  }

  private static HarakaInstall locate(String dir, String... plugins) {
    Path root = projectRoot().resolve("test-tools").resolve(dir);
    if (!Files.isRegularFile(root.resolve("package-lock.json"))) {
      return skip(dir, root, "test-tools/" + dir + "/package-lock.json not found");
    }
    if (commandVersion(NODE, "--version") == null) {
      return skip(dir, root, "node is not installed (`" + NODE + " --version` failed); it runs Haraka");
    }
    if (commandVersion(OPENSSL, "version") == null) {
      return skip(dir, root, "openssl is not installed; it makes the throwaway certificates and plays the legacy client");
    }
    Path manifest = root.resolve("node_modules/Haraka/package.json");
    if (!Files.isRegularFile(manifest)) {
      String why = npmCi(root);
      if (!Files.isRegularFile(manifest)) {
        return skip(dir, root, "test-tools/" + dir + "/node_modules is missing and could not be installed (" + why
            + "); run `npm " + String.join(" ", NPM_CI) + "` there");
      }
    }
    Map<String, String> packages = new LinkedHashMap<>();
    String version = packageVersion(manifest);
    packages.put("Haraka", version);
    for (String p : plugins) {
      String v = packageVersion(root.resolve("node_modules").resolve(p).resolve("package.json"));
      if (v == null) return skip(dir, root, "test-tools/" + dir + " has no " + p + "; run `npm ci` there");
      packages.put(p, v);
    }
    HarakaVersion parsed = HarakaVersion.tryParse(version);
    if (parsed == null) return skip(dir, root, "cannot read the Haraka version in " + manifest);
    return new HarakaInstall(dir, root, parsed, Map.copyOf(packages), null);
  }

  private static HarakaInstall skip(String dir, Path root, String reason) {
    return new HarakaInstall(dir, root, null, Map.of(), reason);
  }

  private static String packageVersion(Path manifest) {
    if (!Files.isRegularFile(manifest)) return null;
    try {
      JsonNode n = new ObjectMapper().readTree(manifest.toFile());
      return n.path("version").asText(null);
    } catch (IOException e) {
      return null;
    }
  }

  /** The node binary's {@code process.versions} entries that explain TLS behaviour. */
  static String nodeVersions() {
    String v = commandVersion(NODE, "-p", "`node ${process.versions.node}, OpenSSL ${process.versions.openssl}`");
    return v == null ? "node (unknown)" : v;
  }

  /** {@code cmd args}, its output trimmed, or null when it cannot be run. */
  static String commandVersion(String cmd, String... args) {
    List<String> command = new ArrayList<>();
    command.add(cmd);
    command.addAll(List.of(args));
    Command c = Command.run(command, null, "", Duration.ofSeconds(30));
    return c.ok() ? c.output().trim() : null;
  }

  private static String npmCi(Path root) {
    if (commandVersion(NPM, "--version") == null) return "npm is not installed";
    List<String> cmd = new ArrayList<>();
    cmd.add(NPM);
    cmd.addAll(NPM_CI);
    System.out.println("live: node_modules missing, running `" + String.join(" ", cmd) + "` in " + root);
    Command c = Command.run(cmd, root, "", Duration.ofMinutes(5));
    if (c.timedOut()) return "npm ci timed out";
    if (!c.ok()) {
      String text = c.output().trim();
      return "npm ci failed: " + text.substring(Math.max(0, text.length() - 400));
    }
    return "installed";
  }

  /** Where this install lives, relative to the project ("test-tools/haraka3"). */
  public String dir() {
    return "test-tools/" + dir;
  }
}
