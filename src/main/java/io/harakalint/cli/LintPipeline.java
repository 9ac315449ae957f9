package io.harakalint.cli;

import io.harakalint.load.FileSystemTreeSource;
import io.harakalint.load.OutsideFiles;
import io.harakalint.load.ParsedFiles;
import io.harakalint.load.TreeSource;
import io.harakalint.model.ConfigTree;
import io.harakalint.model.HarakaVersion;
import io.harakalint.policy.Baseline;
import io.harakalint.policy.PolicyLint;
import io.harakalint.report.LintReport;
import io.harakalint.report.SourceText;
import io.harakalint.report.TreeFiles;
import io.harakalint.report.ToolVersion;
import io.harakalint.rules.Finding;
import io.harakalint.rules.LintOptions;
import io.harakalint.text.SourceFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** load → lint → policy (waivers, severities, excludes) → baseline, for one tree. */
final class LintPipeline {
  private final HarakaVersion version;
  private final Path policyFile;
  private final boolean useWaivers;
  private final LocalDate today;
  private final Baseline baseline;
  private final List<String> requiredClients;
  private final String nodeVersion;
  private List<Path> allowOutside = List.of();

  LintPipeline(HarakaVersion version, Path policyFile, boolean useWaivers, LocalDate today, Baseline baseline) {
    this(version, policyFile, useWaivers, today, baseline, List.of(), LintOptions.DEFAULTS.nodeVersion());
  }

  LintPipeline(HarakaVersion version, Path policyFile, boolean useWaivers, LocalDate today, Baseline baseline,
      List<String> requiredClients, String nodeVersion) {
    this.requiredClients = List.copyOf(requiredClients);
    this.nodeVersion = nodeVersion;
    this.version = version;
    this.policyFile = policyFile;
    this.useWaivers = useWaivers;
    this.today = today;
    this.baseline = baseline;
  }

  /** Lets the loader read key, certificate and dhparam files tls.ini names under these folders. */
  LintPipeline allowingOutside(List<Path> folders) {
    this.allowOutside = List.copyOf(folders);
    return this;
  }

  LintReport run(String target) {
    return run(new FileSystemTreeSource(Path.of(target), target), target, Path.of(target), null);
  }

  /** Lints a tree from any source (disk, git index, a commit); {@code target} names it in reports. */
  LintReport run(TreeSource source, String target) {
    return run(source, target, null, "");
  }

  /** Lints a tree read from git; {@code root} is its folder in the repository ("" for the top). */
  LintReport runInRepository(TreeSource source, String target, String root) {
    return run(source, target, null, root);
  }

  /** Load, lint and apply the policy, with this run's options (before any baseline). */
  PolicyLint.Linted lint(TreeSource source) {
    return lint(source, (Path) null);
  }

  /** As {@link #lint(TreeSource)}; {@code dir} is the tree's folder on disk (null for git trees). */
  PolicyLint.Linted lint(TreeSource source, Path dir) {
    return PolicyLint.lint(source, version, policyFile,
        LintOptions.DEFAULTS.withToday(today).withClients(requiredClients, nodeVersion), useWaivers,
        OutsideFiles.allow(allowOutside, dir), ParsedFiles.none());
  }

  /** The same for a tree read from git, reusing parses of files {@code parsed} has seen unchanged (one commit after another). */
  PolicyLint.Linted lint(TreeSource source, ParsedFiles parsed) {
    return PolicyLint.lint(source, version, policyFile,
        LintOptions.DEFAULTS.withToday(today).withClients(requiredClients, nodeVersion), useWaivers,
        OutsideFiles.allow(allowOutside, null), parsed);
  }

  private LintReport run(TreeSource source, String target, Path dir, String repoRoot) {
    PolicyLint.Linted linted = lint(source, dir);
    ConfigTree tree = linted.tree();
    List<Finding> findings = linted.findings();
    int known = 0;
    if (baseline != null) {
      int before = findings.size();
      findings = findings.stream().filter(f -> !baseline.contains(f)).toList();
      known = before - findings.size();
    }
    TreeLines lines = new TreeLines(tree, source);
    TreeFiles files = dir != null ? TreeFiles.onDisk(dir, lines) : TreeFiles.inRepository(repoRoot, lines);
    return new LintReport(ToolVersion.get(), target, tree.harakaVersion().toString(), tree.install().versionSource(),
        findings, tree.fileCount(), known, files);
  }

  /**
   * The lines of the files the loader read (as Haraka splits them), for the HTML report's context.
   * A file outside the config folder (package.json) is read from the source when asked for.
   */
  private static final class TreeLines implements SourceText {
    private final ConfigTree tree;
    private final TreeSource source;

    TreeLines(ConfigTree tree, TreeSource source) {
      this.tree = tree;
      this.source = source;
    }

    @Override
    public Optional<List<String>> lines(String file) {
      String prefix = tree.configPrefix();
      Optional<SourceFile> loaded = file.startsWith(prefix) ? tree.source(file.substring(prefix.length())) : Optional.empty();
      if (loaded.isEmpty()) {
        try {
          TreeSource.ReadResult r = source.read(file);
          if (!r.isOk()) return Optional.empty();
          loaded = Optional.of(SourceFile.of(file, r.bytes()));
        } catch (RuntimeException unreadable) {
          return Optional.empty(); // context is a courtesy: the finding is reported without it
        }
      }
      List<String> out = new ArrayList<>();
      for (SourceFile.Line l : loaded.get().lines()) out.add(l.text());
      return Optional.of(out);
    }
  }
}
