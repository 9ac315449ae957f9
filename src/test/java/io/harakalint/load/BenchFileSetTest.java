package io.harakalint.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.model.ConfigTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/loader-vs-haraka-config.sh compares like with like only if its node half
 * (test-tools/haraka-config/load-tree-bench.js) loads exactly the files our loader reads. The bench
 * checks that before timing; this test checks it on every build, for the samples and for a tree
 * with the less common kinds (JSON, YAML, PEM under tls/, a subfolder, our policy file, an installed
 * plugin's package.json) and for a bare config folder. Skipped, with a message, without node or
 * without test-tools/haraka-config/node_modules.
 */
class BenchFileSetTest {
  @TempDir
  Path tmp;

  @Test
  void nodeHalfOfTheBenchLoadsTheFilesOurLoaderReads() throws Exception {
    Path root = HarakaConfigOracle.projectRoot();
    Path script = root.resolve("test-tools/haraka-config/load-tree-bench.js");
    Assumptions.assumeTrue(Files.isRegularFile(root.resolve("test-tools/haraka-config/node_modules/haraka-config/package.json")),
        () -> skip("test-tools/haraka-config/node_modules is missing (npm ci there)"));

    Path mixed = tmp.resolve("mixed");
    write(mixed.resolve("package.json"), "{\"dependencies\": {\"Haraka\": \"3.3.4\"}}");
    write(mixed.resolve("node_modules/haraka-plugin-relay/package.json"), "{\"version\": \"1.0.2\"}");
    write(mixed.resolve("config/smtp.json"), "{\"main\": {\"nodes\": 1}}");
    write(mixed.resolve("config/dkim.yaml"), "sign:\n  enabled: true\n");
    write(mixed.resolve("config/tls/mail.example.com.pem"), "-----BEGIN CERTIFICATE-----\nFAKE\n-----END CERTIFICATE-----\n");
    write(mixed.resolve("config/dkim/example.com/selector"), "mail\n");
    write(mixed.resolve("config/relay.ini"), "[relay]\nacl=true\n");
    write(mixed.resolve("config/me"), "mx.example.com\n");
    write(mixed.resolve("config/.haraka-lint.ini"), "[rules]\n");
    Path bare = tmp.resolve("bare");
    write(bare.resolve("plugins"), "relay\n");
    write(bare.resolve("relay_acl_allow"), "192.0.2.1/32\n");

    List<String> trees = new ArrayList<>(List.of("samples/hardened", "samples/legacy-java8", "samples/open-relay",
        "samples/v2-upgrade"));
    trees.add(mixed.toString());
    trees.add(bare.toString());

    List<String> cmd = new ArrayList<>(List.of(HarakaConfigOracle.NODE, script.toString(), "--list"));
    cmd.addAll(trees);
    Process p;
    try {
      p = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.assumeTrue(false, () -> skip("node is not installed (" + e.getMessage() + ")"));
      return;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("load-tree-bench.js --list finishes").isTrue();
    assertThat(p.exitValue()).as("load-tree-bench.js --list exit code; output:\n%s", out).isZero();

    TreeSet<String> ours = new TreeSet<>();
    for (String t : trees) {
      Path dir = t.startsWith("/") ? Path.of(t) : root.resolve(t);
      RecordingTreeSource source = new RecordingTreeSource(new FileSystemTreeSource(dir, t));
      ConfigTree tree = ConfigLoader.load(source, null);
      tree.fileNames().stream().filter(n -> n.endsWith(".ini")).forEach(tree::ini);
      for (String f : source.readPaths()) ours.add("FILE\t" + t + "\t" + f);
    }
    assertThat(new TreeSet<>(out.lines().toList())).as("files the bench's node half loads, per tree").isEqualTo(ours);
    assertThat(ours).as("the mixed tree's files are all read").contains(
        "FILE\t" + mixed + "\tconfig/tls/mail.example.com.pem", "FILE\t" + mixed + "\tconfig/dkim.yaml",
        "FILE\t" + mixed + "\tnode_modules/haraka-plugin-relay/package.json", "FILE\t" + bare + "\tplugins");
  }

  private static String skip(String why) {
    String msg = "bench file set: SKIPPED: " + why;
    System.out.println(msg);
    return msg;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
