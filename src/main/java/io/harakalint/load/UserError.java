package io.harakalint.load;

/**
 * Input that cannot be used at all. The message is one line, safe to print: it names paths and
 * reasons, never file content or secrets. Only the CLI catches it (exit code 2).
 */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserError(String message) {
    super(message, null, false, false);
  }
}
