package dev.yuqing.index;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * Calendar buckets in a time zone, as Elasticsearch's {@code date_histogram} with a {@code
 * calendar_interval} and {@code time_zone} makes them. Not thread-safe (it caches the last bucket,
 * because posts of one segment tend to be close in time).
 */
final class TimeBuckets {
  private final AggregationRequest.Interval interval;
  private final ZoneId zone;
  private long cachedStart = Long.MAX_VALUE;
  private long cachedEnd = Long.MIN_VALUE;

  TimeBuckets(AggregationRequest.Interval interval, ZoneId zone) {
    this.interval = interval;
    this.zone = zone;
  }

  /** Start (epoch ms) of the bucket holding {@code millis}. */
  long start(long millis) {
    if (millis >= cachedStart && millis < cachedEnd) {
      return cachedStart;
    }
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
    ZonedDateTime end =
        switch (interval) {
          case HOUR -> start.plusHours(1);
          case DAY -> start.toLocalDate().plusDays(1).atStartOfDay(zone);
          case WEEK -> start.toLocalDate().plusWeeks(1).atStartOfDay(zone);
        };
    cachedStart = start.toInstant().toEpochMilli();
    cachedEnd = end.toInstant().toEpochMilli();
    return cachedStart;
  }
}
