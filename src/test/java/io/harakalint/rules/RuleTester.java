package io.harakalint.rules;

import static org.assertj.core.api.Assertions.fail;

import io.harakalint.load.ConfigLoader;
import io.harakalint.load.MemoryTreeSource;
import io.harakalint.model.ConfigTree;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs rules over an in-memory tree and checks {@code expect:} markers in both directions, the way
 * error-prone's test helper does: a marker with no finding on the next line fails, and a finding of
 * the rules under test with no marker fails. Failure messages list every finding.
 */
public final class RuleTester {
  private static final Pattern MARKER = Pattern.compile("^\\s*[;#]\\s*expect:\\s*(HL\\d{3})\\b.*$");
  // A finding about the whole file (reported on line 1) is marked anywhere in the file with this.
  private static final Pattern FILE_MARKER = Pattern.compile("^\\s*[;#]\\s*expect-file:\\s*(HL\\d{3})\\b.*$");

  private final List<Rule> rules;
  private final MemoryTreeSource source = new MemoryTreeSource("example");

  private RuleTester(List<Rule> rules) {
    this.rules = rules;
  }

  public static RuleTester of(Rule... rules) {
    return new RuleTester(List.of(rules));
  }

  /** Adds a file; paths are relative to a Haraka root ("config/relay.ini", "package.json"). */
  public RuleTester file(String path, String text) {
    source.put(path, text);
    return this;
  }

  /** Adds a file as raw bytes (another encoding, binary content). */
  public RuleTester file(String path, byte[] bytes) {
    source.put(path, bytes);
    return this;
  }

  public ConfigTree tree() {
    return ConfigLoader.load(source, null);
  }

  /** The policy file of the example (.haraka-lint.ini at its root), if it has one. */
  public io.harakalint.model.PolicyFile policy() {
    return io.harakalint.policy.PolicyLoader.load(source, null);
  }

  /** The options the example's policy sets (thresholds, required clients), as the CLI would. */
  private LintOptions options(io.harakalint.model.PolicyFile policy) {
    return io.harakalint.policy.PolicyEngine.options(policy, LintOptions.DEFAULTS);
  }

  /** Findings of the rules under test. */
  public List<Finding> findings() {
    io.harakalint.model.PolicyFile policy = policy();
    return new Linter(rules, options(policy), policy).lint(tree());
  }

  /** Findings of every registered rule (for precision checks on passing examples). */
  public List<Finding> allFindings() {
    io.harakalint.model.PolicyFile policy = policy();
    return new Linter(Rules.ALL, options(policy), policy).lint(tree());
  }

  /** Each marker's next line has a finding of that rule, and each finding has a marker. */
  public void assertMarkers() {
    List<Finding> findings = findings();
    List<String> expected = new ArrayList<>();
    source.contents().forEach((path, bytes) -> {
      String[] lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\r\n|\r|\n", -1);
      for (int i = 0; i < lines.length; i++) {
        Matcher m = MARKER.matcher(lines[i]);
        if (m.matches()) expected.add(path + ":" + (i + 2) + " " + m.group(1));
        Matcher fm = FILE_MARKER.matcher(lines[i]);
        if (fm.matches()) expected.add(path + ":1 " + fm.group(1));
      }
    });
    List<String> actual = findings.stream().map(f -> f.span().file() + ":" + f.span().line() + " " + f.ruleId())
        .distinct().collect(Collectors.toList());
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(actual);
    List<String> unexpected = new ArrayList<>(actual);
    unexpected.removeAll(expected);
    if (!missing.isEmpty() || !unexpected.isEmpty()) {
      fail("markers and findings disagree%n  expected but not reported: %s%n  reported without a marker: %s%n  all findings:%n%s",
          missing, unexpected, describe(findings));
    }
    if (expected.isEmpty()) fail("the example has no 'expect:' marker");
  }

  public void assertNoFindings() {
    List<Finding> findings = findings();
    if (!findings.isEmpty()) fail("expected no findings, got:%n%s", describe(findings));
  }

  public static String describe(List<Finding> findings) {
    if (findings.isEmpty()) return "    (none)";
    return findings.stream().map(f -> "    " + f.span() + " " + f.severity().label() + " [" + f.ruleId() + "] " + f.message())
        .collect(Collectors.joining("\n"));
  }
}
