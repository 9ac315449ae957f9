package io.harakalint.logs;

/**
 * Where a log line is: the log as named on the command line, its 1-based line number, and its time
 * (epoch milliseconds, or -1 when the log has no timestamps).
 */
public record LogPosition(String file, long line, long epochMillis) {
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
