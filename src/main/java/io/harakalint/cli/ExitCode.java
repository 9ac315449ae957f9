package io.harakalint.cli;

/** Every exit code haraka-lint returns; listed in --help and the README. */
public final class ExitCode {
  /** Nothing at or above --fail-on. */
  public static final int OK = 0;
  /** Findings at or above --fail-on. */
  public static final int FINDINGS = 1;
  /** Usage error, or input that could not be used (not a Haraka tree, nothing readable). */
  public static final int USAGE = 2;
  /** A bug in haraka-lint: one line on stderr, the stack trace with --debug. */
  public static final int INTERNAL = 3;

  private ExitCode() {}
}
