package dev.yuqing.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.index.AggregationRequest.Interval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeBucketsTest {
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static long ms(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void daysStartAtLocalMidnightAndWeeksOnMonday() {
    // 2025-06-02T00:30 China time is still 1 June in UTC
    long t = ms("2025-06-01T16:30:00Z");
    assertThat(TimeBuckets.start(t, Interval.DAY, CHINA)).isEqualTo(ms("2025-06-01T16:00:00Z"));
    // Wednesday 4 June → Monday 2 June
    assertThat(TimeBuckets.start(ms("2025-06-04T10:00:00Z"), Interval.WEEK, CHINA))
        .isEqualTo(LocalDate.parse("2025-06-02").atStartOfDay(CHINA).toInstant().toEpochMilli());
    assertThat(TimeBuckets.start(ms("2025-06-04T10:59:59Z"), Interval.HOUR, CHINA))
        .isEqualTo(ms("2025-06-04T10:00:00Z"));
  }

  @Test
  void everyInstantFindsItsBucketWithAndWithoutDaylightSaving() {
    Random random = new Random(7);
    long min = ms("2025-01-01T00:00:00Z");
    long max = ms("2025-12-31T00:00:00Z");
    for (ZoneId zone : new ZoneId[] {CHINA, BERLIN, ZoneId.of("Asia/Kolkata")}) {
      for (Interval interval : Interval.values()) {
        TimeBuckets.Index index = TimeBuckets.index(min, max, interval, zone, 100_000);
        assertThat(index.step() > 0).as("%s", zone).isEqualTo(!zone.equals(BERLIN));
        for (int i = 0; i < 2000; i++) {
          long t = min + (long) (random.nextDouble() * (max - min));
          assertThat(index.starts()[index.of(t)])
              .as("%s %s %s", zone, interval, Instant.ofEpochMilli(t))
              .isEqualTo(TimeBuckets.start(t, interval, zone));
        }
      }
    }
    // the day daylight saving starts in Berlin has 23 hours
    TimeBuckets.Index days = TimeBuckets.index(min, max, Interval.DAY, BERLIN, 1000);
    long[] s = days.starts();
    int march30 = days.of(ms("2025-03-30T12:00:00Z"));
    assertThat(s[march30 + 1] - s[march30]).isEqualTo(23 * 3_600_000L);
  }

  @Test
  void refusesAbsurdlyManyBuckets() {
    assertThatThrownBy(
            () -> TimeBuckets.index(0, ms("2025-01-01T00:00:00Z"), Interval.HOUR, CHINA, 100_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("interval:");
  }
}
