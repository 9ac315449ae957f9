package io.harakalint.logs;

import java.util.List;
import java.util.Map;

/**
 * Everything read from the logs, before it meets the config.
 *
 * @param sources each log with its line count and whether it was gzip-compressed
 * @param formats lines per format ({@code default}, {@code logfmt}, {@code json})
 * @param unknown lines that are not Haraka log lines (start-up chatter, stack frames, other programs)
 * @param malformed lines that look like a Haraka format but do not parse, or are longer than the limit
 * @param firstTime the earliest and latest line times (epoch ms), -1 when the logs have no timestamps
 * @param sessions sessions counted (ended by a disconnect line, or open at the end of the logs)
 * @param unfinished sessions without a disconnect line (cut by the log window or evicted)
 * @param maxIps the cap on distinct addresses tracked
 * @param overflowSessions sessions of addresses beyond the cap: counted here, not per address
 * @param ips per-address activity, in order of first appearance
 */
public record LogSummary(List<Source> sources, Map<String, Long> formats, long lines, long unknown, long malformed,
    long firstTime, long lastTime, long sessions, long unfinished, int maxIps, long overflowSessions,
    List<IpActivity> ips) {

  /** One log as read. */
  public record Source(String name, boolean gzip, long lines) {}

  public boolean hasTimestamps() {
    return firstTime >= 0;
  }
}
