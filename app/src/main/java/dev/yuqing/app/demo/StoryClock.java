package dev.yuqing.app.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The demo's accelerated clock: story time runs {@code speed} times faster than the wall clock from
 * the moment the demo starts. Thread-safe (immutable).
 */
public final class StoryClock extends Clock implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final Instant storyStart;
  private final Instant storyEnd;
  private final long wallStartMillis;
  private final double speed;
  private final Clock wall;

  /**
   * @param storyEnd the clock stops there: after the story nothing happens, and the job must not
   *     take the quiet after the end for hours in which incidents calm down
   */
  public StoryClock(Instant storyStart, Instant storyEnd, double speed, Clock wall) {
    this.storyStart = storyStart;
    this.storyEnd = storyEnd;
    this.speed = speed;
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

  @Override
  public Instant instant() {
    long elapsed = wall.millis() - wallStartMillis;
    Instant now = storyStart.plusMillis((long) (elapsed * speed));
    return now.isAfter(storyEnd) ? storyEnd : now;
  }

  /** The wall-clock instant at which the story reaches {@code story}. */
  public Instant wallTimeOf(Instant story) {
    long storyElapsed = Duration.between(storyStart, story).toMillis();
    return Instant.ofEpochMilli(wallStartMillis + (long) (storyElapsed / speed));
  }

  public double speed() {
    return speed;
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
