package dev.yuqing.index;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.Arrays;

/**
 * Calendar buckets in a time zone, as Elasticsearch's {@code date_histogram} with a {@code
 * calendar_interval} and {@code time_zone} makes them: hours, local days, weeks from Monday.
 */
final class TimeBuckets {
  private TimeBuckets() {}

  /** Start (epoch ms) of the bucket holding {@code millis}. */
  static long start(long millis, AggregationRequest.Interval interval, ZoneId zone) {
    ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(zone);
    ZonedDateTime start =
        switch (interval) {
          case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
          case DAY -> t.toLocalDate().atStartOfDay(zone);
          case WEEK ->
              t.toLocalDate()
                  .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                  .atStartOfDay(zone);
        };
    return start.toInstant().toEpochMilli();
  }

  /** Start (epoch ms) of the bucket after the one starting at {@code start}. */
  static long next(long start, AggregationRequest.Interval interval, ZoneId zone) {
    ZonedDateTime s = Instant.ofEpochMilli(start).atZone(zone);
    ZonedDateTime n =
        switch (interval) {
          case HOUR -> s.plusHours(1);
          case DAY -> s.toLocalDate().plusDays(1).atStartOfDay(zone);
          case WEEK -> s.toLocalDate().plusWeeks(1).atStartOfDay(zone);
        };
    return n.toInstant().toEpochMilli();
  }

  /**
   * The starts of every bucket from the one holding {@code min} to the one holding {@code max},
   * ascending: with them a document's bucket is a binary search away, not a calendar computation.
   *
   * @throws IllegalArgumentException when that would be more than {@code limit} buckets
   */
  static long[] starts(
      long min, long max, AggregationRequest.Interval interval, ZoneId zone, int limit) {
    long first = start(min, interval, zone);
    long[] out = new long[16];
    int n = 0;
    for (long s = first; s <= max; s = next(s, interval, zone)) {
      if (n == limit) {
        throw new IllegalArgumentException(
            "interval: more than " + limit + " " + interval + " buckets; use a longer interval");
      }
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = s;
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Finds buckets by number: the starts of every bucket between two instants, and a fast way from
   * an instant to its bucket.
   */
  static Index index(
      long min, long max, AggregationRequest.Interval interval, ZoneId zone, int limit) {
    long[] starts = starts(min, max, interval, zone, limit);
    ZoneOffsetTransition change = zone.getRules().nextTransition(Instant.ofEpochMilli(min));
    long step =
        switch (interval) {
          case HOUR -> 3_600_000L;
          case DAY -> 86_400_000L;
          case WEEK -> 7 * 86_400_000L;
        };
    // no change of UTC offset in the range (China has none since 1991): every bucket is one step
    boolean even = change == null || change.getInstant().toEpochMilli() > max;
    return new Index(starts, even ? step : 0);
  }

  /**
   * Bucket starts, ascending, and the fixed width of the buckets when they all have one (else 0).
   */
  record Index(long[] starts, long step) {
    static final Index EMPTY = new Index(new long[0], 0);

    /** The bucket holding {@code millis} (which must lie within the covered range). */
    int of(long millis) {
      if (step > 0) {
        return (int) ((millis - starts[0]) / step);
      }
      int i = Arrays.binarySearch(starts, millis);
      return i >= 0 ? i : -i - 2;
    }
  }
}
