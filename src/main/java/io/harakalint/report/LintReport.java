package io.harakalint.report;

import io.harakalint.rules.Finding;
import io.harakalint.rules.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of linting one tree: what every output format renders.
 *
 * @param target the path as the user wrote it
 */
public record LintReport(String toolVersion, String target, String harakaVersion, String harakaVersionSource,
    List<Finding> findings, int filesScanned) {

  public Map<Severity, Integer> countsBySeverity() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) counts.put(s, 0);
    for (Finding f : findings) counts.merge(f.severity(), 1, Integer::sum);
    return counts;
  }

  public boolean failsAt(Severity threshold) {
    return threshold != null && findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
  }
}
