package dev.yuqing.core;

/** A mistake in what the user asked for (a missing file, a bad option): reported in one line. */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
