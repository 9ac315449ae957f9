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
 * @param files where the tree sits and its files' lines, for formats that need them
 */
public record LintReport(String toolVersion, String target, String harakaVersion, String harakaVersionSource,
    List<Finding> findings, int filesScanned, int inBaseline, TreeFiles files) {

  public LintReport(String toolVersion, String target, String harakaVersion, String harakaVersionSource,
      List<Finding> findings, int filesScanned) {
    this(toolVersion, target, harakaVersion, harakaVersionSource, findings, filesScanned, 0);
  }

  public LintReport(String toolVersion, String target, String harakaVersion, String harakaVersionSource,
      List<Finding> findings, int filesScanned, int inBaseline) {
    this(toolVersion, target, harakaVersion, harakaVersionSource, findings, filesScanned, inBaseline, TreeFiles.NONE);
  }

  /** Counts of the findings that count (waived ones are counted apart). */
  public Map<Severity, Integer> countsBySeverity() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) counts.put(s, 0);
    for (Finding f : findings) if (f.counts()) counts.merge(f.severity(), 1, Integer::sum);
    return counts;
  }

  public int waivedCount() {
    return (int) findings.stream().filter(f -> !f.counts()).count();
  }

  public boolean failsAt(Severity threshold) {
    return threshold != null && findings.stream().anyMatch(f -> f.counts() && f.severity().atLeast(threshold));
  }
}
