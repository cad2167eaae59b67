package dev.yuqing.alerts.rules;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Objects;

/**
 * The usual count of posts per window for one key: an EWMA level, multiplied by an hour-of-day and
 * a day-of-week factor, and an EWMA of the squared residuals for a z-score. Immutable; {@link
 * #observe} returns the next state. About 300 bytes, so it fits Flink keyed state.
 *
 * <p>The factors come from EWMAs of the raw count per hour of day and per day of week: the factor
 * of 10 o'clock is the usual count at 10 o'clock over the usual count of any hour. Why 24 + 7
 * shared profiles instead of one slot per hour of the week: complaints are sparse (often 0 or 1 per
 * window), and 168 independent slots would each see two windows a week; these learn the daily
 * rhythm (busy mornings, quiet nights) within days. The level adapts faster (about a day) so that a
 * lasting change of volume becomes the new normal.
 *
 * @param level deseasonalised expected count per window
 * @param variance EWMA of the squared difference between count and expectation
 * @param hourLevels 24 EWMAs of the count in windows starting in that hour of day
 * @param dayLevels 7 EWMAs of the count in windows on that day of week (Monday first)
 * @param hourSeen windows observed per hour of day
 * @param daySeen windows observed per day of week
 * @param observed windows observed so far (including empty ones)
 */
public record SeasonalBaseline(
    double level,
    double variance,
    double[] hourLevels,
    double[] dayLevels,
    long[] hourSeen,
    long[] daySeen,
    long observed)
    implements Serializable {

  /** Learning rate of an hour's profile (each hour sees one or two windows a day: ~5 days). */
  static final double HOUR_RATE = 0.1;

  /** Learning rate of a weekday's profile (48 windows of that day a week: ~2 weeks). */
  static final double DAY_RATE = 0.01;

  /** Keeps factors finite where nothing has been seen yet. */
  static final double EPSILON = 0.01;

  static final double MIN_FACTOR = 0.2;
  static final double MAX_FACTOR = 5;

  public SeasonalBaseline {
    if (hourLevels == null || hourLevels.length != 24) {
      throw new IllegalArgumentException("hourLevels: 24 values required");
    }
    if (dayLevels == null || dayLevels.length != 7) {
      throw new IllegalArgumentException("dayLevels: 7 values required");
    }
    hourLevels = hourLevels.clone();
    dayLevels = dayLevels.clone();
    hourSeen = hourSeen == null ? new long[24] : hourSeen.clone();
    daySeen = daySeen == null ? new long[7] : daySeen.clone();
    if (hourSeen.length != 24 || daySeen.length != 7) {
      throw new IllegalArgumentException("hourSeen, daySeen: 24 and 7 values required");
    }
  }

  public static SeasonalBaseline empty() {
    return new SeasonalBaseline(0, 0, new double[24], new double[7], null, null, 0);
  }

  @Override
  public long[] hourSeen() {
    return hourSeen.clone();
  }

  @Override
  public long[] daySeen() {
    return daySeen.clone();
  }

  @Override
  public double[] hourLevels() {
    return hourLevels.clone();
  }

  @Override
  public double[] dayLevels() {
    return dayLevels.clone();
  }

  /**
   * The seasonal factor of a window: the hour factor once {@code warmup} windows were seen, times
   * the day factor once every weekday has been seen for at least a day's worth of hours; 1 before.
   */
  public double factor(ZonedDateTime windowStart, boolean seasonal, long warmup) {
    if (!seasonal || observed < warmup) {
      return 1;
    }
    double f = ratio(hourLevels[windowStart.getHour()], hourLevels);
    boolean everyDaySeen = true;
    for (long seen : daySeen) {
      everyDaySeen &= seen >= 24;
    }
    if (everyDaySeen) {
      f *= ratio(dayLevels[day(windowStart)], dayLevels);
    }
    return Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, f));
  }

  private static double ratio(double v, double[] all) {
    double sum = 0;
    for (double a : all) {
      sum += a;
    }
    return (v + EPSILON) / (sum / all.length + EPSILON);
  }

  /** Expected count in the window starting at {@code windowStart}. */
  public double expected(ZonedDateTime windowStart, boolean seasonal, long warmup) {
    return level * factor(windowStart, seasonal, warmup);
  }

  /**
   * Standard deviation for the z-score: the observed one, but never below the Poisson deviation of
   * the expectation nor below 0.5, so that a flat history of zeros does not make one post a 100-σ
   * event.
   */
  public double sd(ZonedDateTime windowStart, boolean seasonal, long warmup) {
    double e = expected(windowStart, seasonal, warmup);
    return Math.max(0.5, Math.sqrt(Math.max(variance, e)));
  }

  /**
   * The next state after a window with {@code count} posts.
   *
   * @param alpha learning rate of level and variance, in (0, 1]
   */
  public SeasonalBaseline observe(
      ZonedDateTime windowStart, double count, double alpha, boolean seasonal, long warmup) {
    double f = factor(windowStart, seasonal, warmup);
    double e = level * f;
    double nextVariance = variance + alpha * ((count - e) * (count - e) - variance);
    // The first window sets the level outright: an EWMA started at 0 would take a day to trust.
    double nextLevel = observed == 0 ? count / f : level + alpha * (count / f - level);
    SeasonalBaseline next =
        new SeasonalBaseline(
            nextLevel, nextVariance, hourLevels, dayLevels, hourSeen, daySeen, observed + 1);
    if (seasonal) {
      // the constructor copied the arrays: the new state's own may be updated before it is
      // handed out (a rule fills a quiet fortnight window by window, so copying them twice per
      // window was most of the window rules' garbage)
      int hour = windowStart.getHour();
      int day = day(windowStart);
      // A plain mean until the EWMA's memory is full, so the first windows do not weigh for ever.
      next.hourSeen[hour]++;
      next.daySeen[day]++;
      next.hourLevels[hour] +=
          Math.max(HOUR_RATE, 1.0 / next.hourSeen[hour]) * (count - next.hourLevels[hour]);
      next.dayLevels[day] +=
          Math.max(DAY_RATE, 1.0 / next.daySeen[day]) * (count - next.dayLevels[day]);
    }
    return next;
  }

  /**
   * The state after {@code n} empty windows, in closed form, for long gaps (the profiles are left
   * as they are: a quiet month says nothing about mornings versus nights).
   */
  public SeasonalBaseline decay(long n, double alpha) {
    if (n <= 0) {
      return this;
    }
    double keep = Math.pow(1 - alpha, n);
    // After n zeros the squared residuals shrink with the level; decaying the variance at the same
    // rate errs on the side of a wider deviation.
    return new SeasonalBaseline(
        level * keep, variance * keep, hourLevels, dayLevels, hourSeen, daySeen, observed + n);
  }

  private static int day(ZonedDateTime t) {
    return t.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SeasonalBaseline b
        && level == b.level
        && variance == b.variance
        && observed == b.observed
        && Arrays.equals(hourLevels, b.hourLevels)
        && Arrays.equals(dayLevels, b.dayLevels)
        && Arrays.equals(hourSeen, b.hourSeen)
        && Arrays.equals(daySeen, b.daySeen);
  }

  @Override
  public int hashCode() {
    return Objects.hash(level, variance, observed)
        + 31 * Arrays.hashCode(hourLevels)
        + 17 * Arrays.hashCode(dayLevels);
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "SeasonalBaseline[level=%.3f, variance=%.3f, observed=%d]",
        level,
        variance,
        observed);
  }
}
