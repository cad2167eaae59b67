package dev.yuqing.alerts.channel;

/**
 * A delivery failed. {@link #permanent()} failures (a rejected payload, a bad address) are not
 * retried; everything else (server down, timeout, 5xx) is retried with backoff.
 */
public final class DeliveryException extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean permanent;

  public DeliveryException(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  public boolean permanent() {
    return permanent;
  }
}
