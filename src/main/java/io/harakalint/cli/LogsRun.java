package io.harakalint.cli;

import io.harakalint.load.ConfigLoader;
import io.harakalint.load.FileSystemTreeSource;
import io.harakalint.load.UserError;
import io.harakalint.logs.LogAnalyzer;
import io.harakalint.logs.LogDecisions;
import io.harakalint.logs.LogInput;
import io.harakalint.logs.LogsReport;
import io.harakalint.model.ConfigTree;
import io.harakalint.model.PolicyFile;
import io.harakalint.policy.PolicyLoader;
import io.harakalint.tls.NodeRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Reads the logs and joins them with a tree: shared by {@code logs} and {@code check --logs}. */
final class LogsRun {
  private LogsRun() {}

  /**
   * @param configPath the Haraka root or config folder, or null to judge the logs alone
   * @param stdin what {@code -} reads
   */
  static LogsReport run(String configPath, List<String> logFiles, TreeOptions tree, LogsReport.Thresholds thresholds,
      int maxIps, int maxListed, InputStream stdin) {
    if (logFiles.isEmpty()) throw new UserError("no log file given (a path, or - for standard input)");
    if (logFiles.stream().filter(f -> f.equals("-")).count() > 1) throw new UserError("standard input (-) can be read only once");
    NodeRuntime node = NodeRuntime.parse(tree.nodeVersion).orElseThrow(() -> new UserError("--node-version: '"
        + tree.nodeVersion + "' is not one of 18, 20, 22, 24 (or a minor such as 24.5)"));
    LocalDate today = tree.todayDate() != null ? tree.todayDate() : LocalDate.now();
    ConfigTree config = null;
    PolicyFile policy = PolicyFile.NONE;
    if (configPath != null) {
      FileSystemTreeSource source = new FileSystemTreeSource(Path.of(configPath), configPath);
      config = ConfigLoader.load(source, tree.version());
      if (!tree.noWaivers) policy = PolicyLoader.load(source, tree.policy);
    }
    LogAnalyzer analyzer = new LogAnalyzer(maxIps);
    for (String f : logFiles) {
      try (LogInput in = LogInput.open(f, stdin)) {
        analyzer.read(in);
      } catch (IOException e) {
        // A gzip stream cut short or a read error: what was read so far still counts, but say so.
        throw new UserError(f + ": cannot be read to the end (" + e.getClass().getSimpleName() + ")");
      }
    }
    return LogDecisions.decide(analyzer.finish(), new LogDecisions.Context(config, policy, today, node, thresholds, maxListed), configPath);
  }
}
