package dev.yuqing.stream.window;

import dev.yuqing.core.SentimentLabel;
import dev.yuqing.stream.Tagged;

/**
 * The count of one event-time window of one key, emitted each time it changes and once when the
 * window closes.
 *
 * @param key window key (see {@link Mention#key})
 * @param project watched project
 * @param topic topic label or {@link Mention#ALL_TOPICS}
 * @param sentiment sentiment counted
 * @param windowStart event time the window starts, epoch millis (inclusive)
 * @param windowEnd event time the window ends, epoch millis (exclusive)
 * @param count posts counted in the window so far
 * @param kind why it was emitted
 * @param post the post just counted ({@link Kind#COUNTED}, {@link Kind#LATE}); null when closed
 */
public record WindowCount(
    String key,
    String project,
    String topic,
    SentimentLabel sentiment,
    long windowStart,
    long windowEnd,
    long count,
    Kind kind,
    Tagged post) {

  /** Why a count was emitted. */
  public enum Kind {
    /** A post was counted in a window that is still open. */
    COUNTED,
    /** A late post was counted in its own window, which had already closed. */
    LATE,
    /** The watermark passed the end of the window: its count is final (unless late posts come). */
    CLOSED
  }
}
