package dev.yuqing.index;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What a dashboard or report counts: the posts matching {@code filter} (its text and filters; sort,
 * size and cursor are ignored), bucketed by time and sentiment, and counted by topic, project,
 * source, author and keyword.
 *
 * @param filter which posts to count
 * @param interval width of the time buckets (calendar units in {@code zone})
 * @param zone time zone of the calendar (default Asia/Shanghai)
 * @param top how many buckets the per-source, per-author, per-keyword and per-project lists keep
 *     (1..1000, default 10); topics and sentiments are always complete
 */
public record AggregationRequest(SearchRequest filter, Interval interval, ZoneId zone, int top) {

  /** China Standard Time: where the projects and the command group are. */
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  public AggregationRequest {
    Objects.requireNonNull(filter, "filter");
    interval = interval == null ? Interval.DAY : interval;
    zone = zone == null ? CHINA : zone;
    top = top == 0 ? 10 : top;
    if (top < 1 || top > 1000) {
      throw new IllegalArgumentException("top: must be 1..1000, got " + top);
    }
  }

  /** Daily buckets in China time, top 10 lists. */
  public static AggregationRequest daily(SearchRequest filter) {
    return new AggregationRequest(filter, Interval.DAY, CHINA, 10);
  }

  /** Calendar units of the time buckets. */
  public enum Interval {
    HOUR,
    DAY,
    /** Weeks start on Monday. */
    WEEK
  }
}
