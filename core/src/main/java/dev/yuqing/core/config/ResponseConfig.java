package dev.yuqing.core.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * The response plan's deadlines for incidents of one grade (分级响应). Each deadline that passes unmet
 * escalates the incident once, to the next grade's recipients.
 *
 * @param acknowledge someone must acknowledge within this of the grade being told (default {@code
 *     alerts.escalateAfter}, 30m)
 * @param contact the homeowners must be contacted within this of the incident opening (default
 *     12h): a response log entry of kind contact
 * @param progress a progress report must be logged within this of the incident opening (default
 *     24h)
 */
public record ResponseConfig(Duration acknowledge, Duration contact, Duration progress)
    implements Serializable {
  public static final Duration CONTACT = Duration.ofHours(12);
  public static final Duration PROGRESS = Duration.ofHours(24);

  public ResponseConfig {
    for (Duration d : new Duration[] {acknowledge, contact, progress}) {
      if (d != null) {
        Check.positive(
            d == acknowledge ? "acknowledge" : d == contact ? "contact" : "progress", d, d);
      }
    }
  }

  /** This plan with its unset deadlines filled in; {@code ack} for acknowledge. */
  ResponseConfig withDefaults(Duration ack) {
    return new ResponseConfig(
        Check.positive("acknowledge", acknowledge, ack),
        Check.positive("contact", contact, CONTACT),
        Check.positive("progress", progress, PROGRESS));
  }
}
