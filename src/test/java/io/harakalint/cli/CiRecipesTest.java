package io.harakalint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The README's CI recipes, run: the {@code haraka-lint} lines of its YAML blocks (section "CI
 * recipes") are executed exactly as written, by bash, in a git repository with a base and a head
 * commit, with {@code haraka-lint} on PATH; then their outputs are checked as the CI services would
 * read them.
 */
class CiRecipesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VAR = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

  @TempDir Path dir;
  private Path repo;
  private Path bin;
  private RevCommit base;
  private RevCommit head;

  /** One YAML block of the section: the file it stands for (its first comment line), its text, its haraka-lint lines. */
  record Recipe(String file, String yaml, List<String> commands) {}

  static List<Recipe> recipes() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## CI recipes\n");
    assertThat(start).as("README has a 'CI recipes' section").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    List<Recipe> out = new ArrayList<>();
    Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(section);
    while (m.find()) {
      String yaml = m.group(1);
      List<String> commands = new ArrayList<>();
      for (String line : yaml.split("\n")) {
        String l = line.strip();
        if (l.startsWith("- ")) l = l.substring(2).strip();
        if (l.startsWith("run:")) l = l.substring(4).strip();
        if (l.startsWith("haraka-lint ")) commands.add(l);
      }
      out.add(new Recipe(yaml.lines().findFirst().orElse("").replaceFirst("^#\\s*", ""), yaml, commands));
    }
    return out;
  }

  private void write(String path, String text) throws IOException {
    Path p = repo.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private RevCommit commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    return git.commit().setMessage(message).setAuthor("ci", "ci@example.com").setCommitter("ci", "ci@example.com").call();
  }

  @BeforeEach
  void repositoryWithBaseAndHead() throws Exception {
    repo = Files.createDirectories(dir.resolve("repo"));
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write("mail/config/plugins", "relay\nrelay\nrcpt_to.in_host_list\nqueue/smtp_forward\n"); // HL402: fixed by head
      write("mail/config/relay.ini", "[relay]\nacl=true\n");
      write("mail/config/host_list", "example.com\n");
      base = commit(git, "base");
      write("mail/config/plugins", "relay\nrcpt_to.in_host_list\nqueue/smtp_forward\n");
      write("mail/config/relay.ini", "[relay]\nacl=true\nall=true\n"); // HL201 critical: new in head
      head = commit(git, "head: open relay");
    }
    // haraka-lint on PATH: this build's classes, the way bin/haraka-lint runs the jar.
    bin = Files.createDirectories(dir.resolve("bin"));
    Path launcher = bin.resolve("haraka-lint");
    Files.writeString(launcher, "#!/bin/sh\nexec \"$HL_JAVA\" -cp \"$HL_CP\" io.harakalint.cli.Main \"$@\"\n");
    launcher.toFile().setExecutable(true);
  }

  private record Run(int code, String output) {}

  private Run bash(String command, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", command).directory(repo.toFile())
        .redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("HL_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    pb.environment().put("HL_CP", System.getProperty("java.class.path"));
    pb.environment().remove("NO_COLOR");
    Process p = pb.start();
    try {
      if (!p.waitFor(180, TimeUnit.SECONDS)) throw new AssertionError("timed out: " + command);
      return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
    }
  }

  /** The values CI would give the variables the recipes use. */
  private Map<String, String> ciVariables() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("BASE_SHA", base.getName());
    env.put("LINK_BASE", "https://github.com/example-org/mail-config/blob/" + head.getName());
    return env;
  }

  private void runAll(Recipe recipe) throws Exception {
    assertThat(recipe.commands()).as("haraka-lint lines in %s", recipe.file()).isNotEmpty();
    Map<String, String> env = ciVariables();
    for (String command : recipe.commands()) {
      Matcher v = VAR.matcher(command);
      while (v.find()) assertThat(env).as("variable in: %s", command).containsKey(v.group(1));
      Run run = bash(command, env);
      // The head adds a critical finding: exit 1, unless the line never fails or accepts exit 1.
      boolean neverFails = command.contains("--fail-on none") || command.endsWith("|| [ $? -eq 1 ]");
      int expected = neverFails ? ExitCode.OK : ExitCode.FINDINGS;
      assertThat(run.code()).as("%s\n%s", command, run.output()).isEqualTo(expected);
    }
  }

  @Test
  void githubActionsRecipe() throws Exception {
    Recipe r = recipes().stream().filter(x -> x.file().startsWith(".github/workflows/")).findFirst().orElseThrow();
    Map<?, ?> workflow = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(r.yaml());
    Map<?, ?> job = (Map<?, ?>) ((Map<?, ?>) workflow.get("jobs")).get("haraka-lint");
    List<?> steps = (List<?>) job.get("steps");
    String sarifFile = null;
    for (Object s : steps) {
      Object uses = ((Map<?, ?>) s).get("uses");
      if (uses != null && uses.toString().startsWith("github/codeql-action/upload-sarif@")) {
        sarifFile = ((Map<?, ?>) ((Map<?, ?>) s).get("with")).get("sarif_file").toString();
      }
    }
    assertThat(sarifFile).isEqualTo("haraka-lint.sarif");
    assertThat(((Map<?, ?>) workflow.get("permissions")).get("security-events")).isEqualTo("write");

    runAll(r);

    String sarif = Files.readString(repo.resolve(sarifFile));
    assertThat(SarifSchema.violations(sarif)).isEmpty();
    JsonNode results = JSON.readTree(sarif).at("/runs/0/results");
    assertThat(results).hasSize(1);
    assertThat(results.at("/0/ruleId").asText()).isEqualTo("HL201");
    assertThat(results.at("/0/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("mail/config/relay.ini");
    assertThat(Files.readString(repo.resolve("haraka-lint.html"))).contains("<svg class=\"chart\"").contains("all=true");
    String comment = Files.readString(repo.resolve("comment.md"));
    assertThat(comment).startsWith("<!-- haraka-lint-report -->\n");
    assertThat(r.yaml()).contains("startswith(\"<!-- haraka-lint-report -->\")"); // the marker the gh api lines look for
    assertThat(comment.split("\n")[1]).startsWith(":x: **haraka-lint: 1 new finding (1 critical)**, 1 fixed, 0 unchanged");
    assertThat(comment).contains("[config/relay.ini:3](https://github.com/example-org/mail-config/blob/"
        + head.getName() + "/mail/config/relay.ini#L3)");
    assertThat(comment).contains("**Fixed by this change** (1)").contains("| HL402 |");
  }

  @Test
  void gitlabCiRecipe() throws Exception {
    Recipe r = recipes().stream().filter(x -> x.file().equals(".gitlab-ci.yml")).findFirst().orElseThrow();
    Map<?, ?> pipeline = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(r.yaml());
    Map<?, ?> artifacts = (Map<?, ?>) ((Map<?, ?>) pipeline.get("haraka-lint")).get("artifacts");
    Map<?, ?> reports = (Map<?, ?>) artifacts.get("reports");
    assertThat(artifacts.get("when")).isEqualTo("always");

    runAll(r);

    JsonNode quality = JSON.readTree(Files.readString(repo.resolve(reports.get("codequality").toString())));
    assertThat(quality.isArray()).isTrue();
    assertThat(quality).hasSize(1);
    assertThat(quality.at("/0/severity").asText()).isEqualTo("blocker");
    assertThat(quality.at("/0/location/path").asText()).isEqualTo("mail/config/relay.ini");
    assertThat(quality.at("/0/location/lines/begin").asInt()).isEqualTo(3);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var junit = f.newDocumentBuilder().parse(repo.resolve(reports.get("junit").toString()).toFile());
    assertThat(junit.getElementsByTagName("failure").getLength()).isEqualTo(1);
    for (Object path : (List<?>) artifacts.get("paths")) assertThat(repo.resolve(path.toString())).isNotEmptyFile();
  }
}
