package io.harakalint.cli;

import io.harakalint.load.UserError;
import io.harakalint.model.HarakaVersion;
import io.harakalint.model.PolicyFile;
import io.harakalint.policy.Baseline;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** Options every command that lints a tree shares (a picocli mixin). */
final class TreeOptions {
  @Option(names = "--haraka-version", paramLabel = "X.Y.Z",
      description = "the Haraka version the config is for (default: read from the Haraka root, else the newest known 3.x)")
  String harakaVersion;

  @Option(names = "--policy", paramLabel = "FILE",
      description = "policy file (default: " + PolicyFile.FILE_NAME + " in PATH)")
  Path policy;

  @Option(names = "--no-waivers", description = "ignore every waiver: report all findings as open")
  boolean noWaivers;

  @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "judge waiver and certificate expiry on this date")
  String today;

  @Option(names = "--require-clients", paramLabel = "ID", split = ",",
      description = "client profiles the server must accept (see 'haraka-lint compat'); a failing one is a finding (HL314)")
  java.util.List<String> requireClients = new java.util.ArrayList<>();

  @Option(names = "--node-version", paramLabel = "N", defaultValue = "20",
      description = "the Node version Haraka runs on, for TLS client predictions: 18, 20, 22, 24 (default: ${DEFAULT-VALUE})")
  String nodeVersion;

  @Option(names = "--allow-outside", paramLabel = "DIR",
      description = "read key, certificate and dhparam files that tls.ini names outside the tree when they lie under DIR"
          + " (after following links), repeatable; their content is never printed")
  java.util.List<Path> allowOutside = new java.util.ArrayList<>();

  HarakaVersion version() {
    if (harakaVersion == null) return null;
    HarakaVersion v = HarakaVersion.tryParse(harakaVersion);
    if (v == null || !harakaVersion.matches("\\d+\\.\\d+(\\.\\d+)?")) {
      throw new UserError("--haraka-version: '" + harakaVersion + "' is not a version like 3.1.6");
    }
    return v;
  }

  LocalDate todayDate() {
    if (today == null) return null;
    LocalDate d = PolicyFile.date(today);
    if (d == null) throw new UserError("--today: '" + today + "' is not a date like 2027-03-31");
    return d;
  }

  LintPipeline pipeline(Path baselineFile) {
    if (io.harakalint.tls.NodeRuntime.parse(nodeVersion).isEmpty()) {
      throw new UserError("--node-version: '" + nodeVersion + "' is not one of 18, 20, 22, 24 (or a minor such as 24.5)");
    }
    for (String id : requireClients) {
      if (io.harakalint.tls.ClientProfiles.get().byId(id).isEmpty()) {
        throw new UserError("--require-clients: no client profile '" + id + "' (see 'haraka-lint compat')");
      }
    }
    return new LintPipeline(version(), policy, !noWaivers, todayDate(),
        baselineFile == null ? null : Baseline.read(baselineFile), requireClients, nodeVersion).allowingOutside(allowOutside);
  }
}
