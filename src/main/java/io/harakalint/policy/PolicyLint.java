package io.harakalint.policy;

import io.harakalint.load.ConfigLoader;
import io.harakalint.load.OutsideFiles;
import io.harakalint.load.ParsedFiles;
import io.harakalint.load.TreeSource;
import io.harakalint.model.ConfigTree;
import io.harakalint.model.HarakaVersion;
import io.harakalint.model.InlineWaivers;
import io.harakalint.model.PolicyFile;
import io.harakalint.rules.Finding;
import io.harakalint.rules.LintOptions;
import io.harakalint.rules.Linter;
import io.harakalint.rules.Rules;
import java.nio.file.Path;
import java.util.List;

/**
 * Load a tree, read its policy, lint with the thresholds the policy sets and apply the policy
 * (severities, excludes, waivers): the step every command that judges a tree starts with.
 */
public final class PolicyLint {
  /** A loaded tree and its findings after the policy. */
  public record Linted(ConfigTree tree, List<Finding> findings) {}

  private PolicyLint() {}

  /**
   * @param version the user's --haraka-version, or null to detect it
   * @param policyFile --policy, or null for the tree's own .haraka-lint.ini
   * @param base options before the policy's thresholds and clients are merged in
   */
  public static Linted lint(TreeSource source, HarakaVersion version, Path policyFile, LintOptions base, boolean useWaivers) {
    return lint(source, version, policyFile, base, useWaivers, OutsideFiles.NONE, ParsedFiles.none());
  }

  /** As above, also reading the files outside the tree that {@code outside} allows. */
  public static Linted lint(TreeSource source, HarakaVersion version, Path policyFile, LintOptions base, boolean useWaivers,
      OutsideFiles outside) {
    return lint(source, version, policyFile, base, useWaivers, outside, ParsedFiles.none());
  }

  /**
   * As above, also reusing the parses of files unchanged since {@code parsed} last saw them
   * (history lints one commit after another).
   */
  public static Linted lint(TreeSource source, HarakaVersion version, Path policyFile, LintOptions base, boolean useWaivers,
      OutsideFiles outside, ParsedFiles parsed) {
    ConfigTree tree = ConfigLoader.load(source, version, outside, parsed);
    PolicyFile policy = PolicyLoader.load(source, policyFile);
    LintOptions options = PolicyEngine.options(policy, base);
    List<Finding> findings = new Linter(Rules.ALL, options, policy).lint(tree);
    return new Linted(tree, new PolicyEngine(policy, InlineWaivers.in(tree), options.today(), useWaivers).apply(findings));
  }
}
