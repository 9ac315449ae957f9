package io.harakalint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule has a page in rules/, every page has a rule, and each page's failing and passing
 * examples run: the failing one must produce the page's rule exactly where its markers say, the
 * passing one nothing of that rule and nothing at or above medium from any rule.
 */
class RuleDocsTest {
  // ```lang file=PATH [encoding=CHARSET]: the block is written in that charset (default UTF-8).
  private static final Pattern FENCE = Pattern.compile("^```(\\w+)\\s+file=(\\S+)(?:\\s+encoding=(\\S+))?\\s*$");
  private static final AtomicInteger EXAMPLES_RUN = new AtomicInteger();

  static Path rulesDir() {
    return Path.of(System.getProperty("project.root", ".")).resolve("rules");
  }

  /** A page split into its sections: heading text to body lines. */
  record Page(String id, String heading, Map<String, List<String>> sections) {}

  static Page read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String heading = lines.isEmpty() ? "" : lines.get(0);
    Map<String, List<String>> sections = new LinkedHashMap<>();
    String current = "";
    sections.put(current, new ArrayList<>());
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      if (line.startsWith("## ")) {
        current = line.substring(3).trim();
        sections.put(current, new ArrayList<>());
      } else {
        sections.get(current).add(line);
      }
    }
    String id = file.getFileName().toString().replace(".md", "");
    return new Page(id, heading, sections);
  }

  /** The fenced blocks with a file= tag in one section, as a RuleTester. */
  static RuleTester example(Rule rule, List<String> body) {
    RuleTester t = RuleTester.of(rule);
    String file = null;
    String encoding = null;
    StringBuilder text = null;
    int blocks = 0;
    for (String line : body) {
      Matcher m = FENCE.matcher(line);
      if (file == null && m.matches()) {
        file = m.group(2);
        encoding = m.group(3);
        text = new StringBuilder();
      } else if (file != null && line.startsWith("```")) {
        if (encoding == null) t.file(file, text.toString());
        else t.file(file, text.toString().getBytes(java.nio.charset.Charset.forName(encoding)));
        blocks++;
        file = null;
      } else if (file != null) {
        text.append(line).append('\n');
      }
    }
    if (blocks == 0) fail("%s: an example section has no ```lang file=PATH block", rule.meta().id());
    return t;
  }

  @Test
  void everyRuleHasAPageAndEveryPageARule() throws IOException {
    Set<String> ids = Rules.ALL.stream().map(r -> r.meta().id()).collect(Collectors.toCollection(TreeSet::new));
    Set<String> pages;
    try (Stream<Path> s = Files.list(rulesDir())) {
      pages = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("HL\\d{3}\\.md"))
          .map(n -> n.replace(".md", "")).collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(pages).as("pages in rules/ match registered rules").isEqualTo(ids);
  }

  @Test
  void readmeListsEveryRule() throws IOException {
    String readme = Files.readString(rulesDir().resolveSibling("README.md"), StandardCharsets.UTF_8);
    String table = readme.substring(readme.indexOf("<!-- rules:start"), readme.indexOf("<!-- rules:end -->"));
    for (Rule r : Rules.ALL) {
      assertThat(table).as("README rules table").contains("| " + r.meta().id() + " | " + r.meta().severity().label()
          + " | " + r.meta().title().replace("|", "\\|") + " |");
    }
    assertThat(table.lines().filter(l -> l.startsWith("| HL")).count()).isEqualTo(Rules.ALL.size());
  }

  @Test
  void ruleIdsAreUniqueAndSorted() {
    List<String> ids = Rules.ALL.stream().map(r -> r.meta().id()).toList();
    assertThat(ids).doesNotHaveDuplicates().isSorted();
  }

  @TestFactory
  Stream<DynamicTest> examplesRun() {
    return Rules.ALL.stream().flatMap(rule -> {
      String id = rule.meta().id();
      Path file = rulesDir().resolve(id + ".md");
      return Stream.of(
          DynamicTest.dynamicTest(id + " page structure", () -> {
            Page p = read(file);
            assertThat(p.heading()).isEqualTo("# " + id + ": " + rule.meta().title());
            assertThat(p.sections().keySet()).contains("Why it matters", "Failing example", "Passing example",
                "How to fix", "References");
          }),
          DynamicTest.dynamicTest(id + " failing example", () -> {
            RuleTester failing = example(rule, read(file).sections().get("Failing example"));
            failing.assertMarkers();
            boolean offersFix = failing.findings().stream().anyMatch(f -> f.fix() != null);
            assertThat(offersFix).as("%s META.fixable must say whether its failing example gets a fix", id)
                .isEqualTo(rule.meta().fixable());
            EXAMPLES_RUN.incrementAndGet();
          }),
          DynamicTest.dynamicTest(id + " passing example", () -> {
            RuleTester t = example(rule, read(file).sections().get("Passing example"));
            t.assertNoFindings();
            List<Finding> serious = t.allFindings().stream().filter(f -> f.severity().atLeast(Severity.MEDIUM)).toList();
            if (!serious.isEmpty()) fail("%s passing example has findings at or above medium:%n%s", id, RuleTester.describe(serious));
            EXAMPLES_RUN.incrementAndGet();
          }));
    });
  }

  @AfterAll
  static void report() {
    System.out.println("rule docs: " + Rules.ALL.size() + " rules, " + EXAMPLES_RUN.get() + " examples executed");
  }
}
