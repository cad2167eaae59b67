package dev.yuqing.app.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The demo's accelerated clock: story time runs faster than the wall clock from the moment the demo
 * starts, at one speed or — so that a crisis can be watched as it unfolds — slower through one span
 * of the story than through the rest. Stops at the story's end. Thread-safe (immutable).
 */
public final class StoryClock extends Clock implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final Instant storyStart;
  private final Instant storyEnd;
  private final long wallStartMillis;
  private final Clock wall;

  /** Piecewise-linear map: story offsets (ms) at the wall offsets (ms) of the same index. */
  private final long[] storyAt;

  private final long[] wallAt;

  /**
   * A clock at one speed.
   *
   * @param storyEnd the clock stops there: after the story nothing happens, and the job must not
   *     take the quiet after the end for hours in which incidents calm down
   */
  public StoryClock(Instant storyStart, Instant storyEnd, double speed, Clock wall) {
    this(
        storyStart,
        storyEnd,
        new long[] {0, Duration.between(storyStart, storyEnd).toMillis()},
        new long[] {0, (long) (Duration.between(storyStart, storyEnd).toMillis() / speed)},
        wall);
  }

  private StoryClock(
      Instant storyStart, Instant storyEnd, long[] storyAt, long[] wallAt, Clock wall) {
    this.storyStart = storyStart;
    this.storyEnd = storyEnd;
    this.storyAt = storyAt;
    this.wallAt = wallAt;
    this.wall = wall;
    this.wallStartMillis = wall.millis();
  }

  /** A clock that plays {@code storyLength} in {@code wallLength}. */
  public static StoryClock playing(
      Instant storyStart, Duration storyLength, Duration wallLength, Clock wall) {
    return new StoryClock(
        storyStart,
        storyStart.plus(storyLength),
        (double) storyLength.toMillis() / wallLength.toMillis(),
        wall);
  }

  /**
   * A clock that plays the story in {@code wallLength}, the span {@code slowFrom..slowTo} taking
   * {@code slowShare} of it.
   */
  public static StoryClock playing(
      Instant storyStart,
      Instant storyEnd,
      Instant slowFrom,
      Instant slowTo,
      double slowShare,
      Duration wallLength,
      Clock wall) {
    long total = Duration.between(storyStart, storyEnd).toMillis();
    long from = Duration.between(storyStart, slowFrom).toMillis();
    long to = Duration.between(storyStart, slowTo).toMillis();
    if (from < 0 || to <= from || to > total || !(slowShare > 0 && slowShare < 1)) {
      throw new IllegalArgumentException(
          "slow span "
              + slowFrom
              + ".."
              + slowTo
              + " (share "
              + slowShare
              + ") is not in the story");
    }
    long w = wallLength.toMillis();
    double fast = (1 - slowShare) * w / (total - (to - from)); // wall ms per story ms outside
    long wallFrom = Math.round(from * fast);
    long wallTo = wallFrom + Math.round(slowShare * w);
    return new StoryClock(
        storyStart,
        storyEnd,
        new long[] {0, from, to, total},
        new long[] {0, wallFrom, wallTo, w},
        wall);
  }

  @Override
  public Instant instant() {
    long elapsed = wall.millis() - wallStartMillis;
    int i = 1;
    while (i < wallAt.length - 1 && elapsed > wallAt[i]) {
      i++;
    }
    long story = storyAt[i - 1] + scale(elapsed - wallAt[i - 1], storyAt, wallAt, i);
    Instant now = storyStart.plusMillis(Math.max(0, story));
    return now.isAfter(storyEnd) ? storyEnd : now;
  }

  /** The wall-clock instant at which the story reaches {@code story}. */
  public Instant wallTimeOf(Instant story) {
    long at = Duration.between(storyStart, story).toMillis();
    int i = 1;
    while (i < storyAt.length - 1 && at > storyAt[i]) {
      i++;
    }
    long w = wallAt[i - 1] + scale(at - storyAt[i - 1], wallAt, storyAt, i);
    return Instant.ofEpochMilli(wallStartMillis + w);
  }

  /** {@code d} of the {@code i}-th segment's "by" axis in its "to" axis; its ends exactly. */
  private static long scale(long d, long[] to, long[] by, int i) {
    long span = by[i] - by[i - 1];
    return d == span ? to[i] - to[i - 1] : (long) (d * ((double) (to[i] - to[i - 1]) / span));
  }

  /** Story time per wall time, on average over the story. */
  public double speed() {
    return (double) storyAt[storyAt.length - 1] / wallAt[wallAt.length - 1];
  }

  /** Story time per wall time at story instant {@code at}. */
  public double speedAt(Instant at) {
    long s = Duration.between(storyStart, at).toMillis();
    int i = 1;
    while (i < storyAt.length - 1 && s >= storyAt[i]) {
      i++;
    }
    return (double) (storyAt[i] - storyAt[i - 1]) / (wallAt[i] - wallAt[i - 1]);
  }

  @Override
  public ZoneId getZone() {
    return Story.ZONE;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the story clock runs in " + Story.ZONE);
  }
}
