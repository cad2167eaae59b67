package dev.yuqing.stream.window;

import dev.yuqing.core.SentimentLabel;

/**
 * The count of posts of one project, topic and sentiment in one event-time window: emitted when the
 * window is judged, and again for each late post counted in it afterwards.
 *
 * @param project watched project
 * @param topic topic label, or {@link #ALL_TOPICS}
 * @param sentiment sentiment counted
 * @param windowStart event time the window starts, epoch millis (inclusive)
 * @param windowEnd event time the window ends, epoch millis (exclusive)
 * @param count posts counted in the window
 * @param late whether this count was raised by a post that came after the window was judged
 */
public record WindowCount(
    String project,
    String topic,
    SentimentLabel sentiment,
    long windowStart,
    long windowEnd,
    long count,
    boolean late) {

  /** Topic of the counts over every topic. */
  public static final String ALL_TOPICS = "全部";
}
