package io.harakalint;

import static org.assertj.core.api.Assertions.assertThat;

import io.harakalint.load.ConfigLoader;
import io.harakalint.load.FileSystemTreeSource;
import io.harakalint.model.ConfigTree;
import io.harakalint.rules.Finding;
import io.harakalint.rules.LintOptions;
import io.harakalint.rules.Linter;
import io.harakalint.rules.RuleTester;
import io.harakalint.rules.Rules;
import io.harakalint.rules.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each samples/NAME/ has expected-findings.txt ("file:line RULE severity" per line, '#' comments);
 * the tool must report exactly those. samples/hardened must have nothing at or above medium.
 */
class SamplesTest {
  static Path samples() {
    return Path.of(System.getProperty("project.root", ".")).resolve("samples");
  }

  static List<Finding> lint(Path tree) {
    ConfigTree t = ConfigLoader.load(new FileSystemTreeSource(tree, tree.getFileName().toString()), null);
    return new Linter(Rules.ALL, LintOptions.DEFAULTS).lint(t);
  }

  @TestFactory
  Stream<DynamicTest> samplesReportExactlyTheirExpectedFindings() throws IOException {
    try (Stream<Path> s = Files.list(samples())) {
      List<Path> trees = s.filter(Files::isDirectory).sorted().toList();
      assertThat(trees).extracting(p -> p.getFileName().toString())
          .contains("legacy-java8", "hardened", "open-relay", "v2-upgrade");
      return trees.stream().map(tree -> DynamicTest.dynamicTest(tree.getFileName().toString(), () -> {
        Path expectedFile = tree.resolve("expected-findings.txt");
        assertThat(expectedFile).as("expected-findings.txt in " + tree).exists();
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream()
            .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        List<Finding> findings = lint(tree);
        List<String> actual = findings.stream()
            .map(f -> f.span().file() + ":" + f.span().line() + " " + f.ruleId() + " " + f.severity().label()).toList();
        assertThat(actual).as("findings of %s:%n%s", tree.getFileName(), RuleTester.describe(findings))
            .containsExactlyInAnyOrderElementsOf(expected);
      }));
    }
  }

  @Test
  void hardenedHasNothingAtOrAboveMedium() {
    List<Finding> serious = lint(samples().resolve("hardened")).stream()
        .filter(f -> f.severity().atLeast(Severity.MEDIUM)).toList();
    assertThat(serious).as(RuleTester.describe(serious)).isEmpty();
  }
}
