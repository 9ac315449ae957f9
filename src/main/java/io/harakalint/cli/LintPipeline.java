package io.harakalint.cli;

import io.harakalint.load.ConfigLoader;
import io.harakalint.load.FileSystemTreeSource;
import io.harakalint.load.TreeSource;
import io.harakalint.model.ConfigTree;
import io.harakalint.model.HarakaVersion;
import io.harakalint.model.InlineWaivers;
import io.harakalint.model.PolicyFile;
import io.harakalint.policy.Baseline;
import io.harakalint.policy.PolicyEngine;
import io.harakalint.policy.PolicyLoader;
import io.harakalint.report.LintReport;
import io.harakalint.report.ToolVersion;
import io.harakalint.rules.Finding;
import io.harakalint.rules.LintOptions;
import io.harakalint.rules.Linter;
import io.harakalint.rules.Rules;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** load → lint → policy (waivers, severities, excludes) → baseline, for one tree. */
final class LintPipeline {
  private final HarakaVersion version;
  private final Path policyFile;
  private final boolean useWaivers;
  private final LocalDate today;
  private final Baseline baseline;

  LintPipeline(HarakaVersion version, Path policyFile, boolean useWaivers, LocalDate today, Baseline baseline) {
    this.version = version;
    this.policyFile = policyFile;
    this.useWaivers = useWaivers;
    this.today = today;
    this.baseline = baseline;
  }

  LintReport run(String target) {
    return run(new FileSystemTreeSource(Path.of(target), target), target);
  }

  /** Lints a tree from any source (disk, git index, a commit); {@code target} names it in reports. */
  LintReport run(TreeSource source, String target) {
    ConfigTree tree = ConfigLoader.load(source, version);
    PolicyFile policy = PolicyLoader.load(source, policyFile);
    LintOptions options = PolicyEngine.options(policy, LintOptions.DEFAULTS.withToday(today));
    List<Finding> findings = new Linter(Rules.ALL, options, policy).lint(tree);
    findings = new PolicyEngine(policy, InlineWaivers.in(tree), options.today(), useWaivers).apply(findings);
    int known = 0;
    if (baseline != null) {
      int before = findings.size();
      findings = findings.stream().filter(f -> !baseline.contains(f)).toList();
      known = before - findings.size();
    }
    return new LintReport(ToolVersion.get(), target, tree.harakaVersion().toString(), tree.install().versionSource(),
        findings, tree.fileCount(), known);
  }
}
