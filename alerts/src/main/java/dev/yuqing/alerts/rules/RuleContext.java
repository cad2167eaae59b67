package dev.yuqing.alerts.rules;

import dev.yuqing.core.config.AlertsConfig;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What every rule needs besides its own config.
 *
 * @param streamWindow length of the windows the stream summarises ({@code stream.window})
 * @param resolveAfter quiet time before an alert resolves ({@code alerts.resolveAfter})
 * @param zone zone for hour-of-day and day-of-week ({@code alerts.timeZone})
 */
public record RuleContext(Duration streamWindow, Duration resolveAfter, ZoneId zone)
    implements Serializable {
  public RuleContext {
    if (streamWindow == null || streamWindow.isZero() || streamWindow.isNegative()) {
      throw new IllegalArgumentException("streamWindow: must be positive, got " + streamWindow);
    }
  }

  public static RuleContext of(AlertsConfig alerts, Duration streamWindow) {
    return new RuleContext(streamWindow, alerts.resolveAfter(), alerts.zone());
  }

  /** The rule's own quiet time before recovery, or {@code alerts.resolveAfter}. */
  Duration resolveAfter(dev.yuqing.core.config.RuleConfig rule) {
    return rule.resolveAfter() != null ? rule.resolveAfter() : resolveAfter;
  }

  /**
   * How many whole stream windows fit between {@code from} and {@code to} (0 when {@code to} is not
   * after {@code from}). In nanoseconds: {@link Duration#dividedBy(Duration)} divides through
   * {@code BigDecimal}, and the rules ask this for every window of every series. Gaps beyond the
   * range of a long in nanoseconds (about 292 years) fall back to it.
   */
  long windowsBetween(Instant from, Instant to) {
    Duration gap = Duration.between(from, to);
    if (gap.isNegative() || gap.isZero()) {
      return 0;
    }
    try {
      return gap.toNanos() / streamWindow.toNanos();
    } catch (ArithmeticException overflow) {
      return gap.dividedBy(streamWindow);
    }
  }

  /**
   * How many stream windows make up {@code window}.
   *
   * @throws IllegalArgumentException when it is not a whole multiple, naming the rule
   */
  int windows(String rule, Duration window) {
    long w = window.toMillis();
    long s = streamWindow.toMillis();
    if (w < s || w % s != 0) {
      throw new IllegalArgumentException(
          "alerts.rules["
              + rule
              + "].window: "
              + window
              + " is not a multiple of stream.window "
              + streamWindow);
    }
    return (int) (w / s);
  }
}
