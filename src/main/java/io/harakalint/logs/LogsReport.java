package io.harakalint.logs;

import java.util.List;
import java.util.Map;

/**
 * The result of {@code haraka-lint logs}: what was read, the decisions (most urgent first), the ACL
 * entries with their use, and every client address with activity worth a look.
 *
 * @param config the Haraka tree the logs were joined with, or null when none was given
 * @param today the date expiry is judged on
 * @param window the log window in words ("2026-12-08T02:45:46Z to …", or "no timestamps")
 * @param clients the most urgent client addresses (at most {@code --max-listed}), with their decisions
 * @param omitted decisions about the addresses beyond that, counted by "level kind" ("review relay-probing")
 */
public record LogsReport(String config, String today, String window, LogSummary summary, Thresholds thresholds,
    List<Decision> decisions, List<AclUse> acl, List<IpReport> clients, Map<String, Integer> omitted) {

  /** The limits the decisions use (command-line options). */
  public record Thresholds(int tlsFailures, int authFailures, int heavyUse, int expiryDays) {
    public static final Thresholds DEFAULTS = new Thresholds(3, 5, 10, 14);
  }

  public boolean hasActions() {
    return decisions.stream().anyMatch(Decision::acts) || omitted.keySet().stream().anyMatch(k -> k.startsWith(Decision.ACT + " "));
  }
}
