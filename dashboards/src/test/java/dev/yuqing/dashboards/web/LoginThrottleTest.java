package dev.yuqing.dashboards.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private static final Instant NINE = Instant.parse("2024-05-06T01:00:00Z");

  private static final class MovableClock extends Clock {
    Instant now = NINE;

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void locksAfterMaxFailuresUntilTheOldestLeavesTheWindow() {
    MovableClock clock = new MovableClock();
    LoginThrottle t = new LoginThrottle(clock, 3, Duration.ofMinutes(15));
    t.failed("user:pr");
    clock.now = NINE.plusSeconds(60);
    t.failed("user:pr");
    assertThat(t.lockedFor("user:pr")).isZero();
    t.failed("user:pr");
    assertThat(t.lockedFor("user:pr")).isEqualTo(Duration.ofMinutes(14));
    assertThat(t.lockedFor("user:other")).isZero();
    clock.now = NINE.plus(Duration.ofMinutes(15));
    assertThat(t.lockedFor("user:pr")).isZero();
  }

  @Test
  void successClearsTheFailures() {
    MovableClock clock = new MovableClock();
    LoginThrottle t = new LoginThrottle(clock, 2, Duration.ofMinutes(15));
    t.failed("user:pr");
    t.succeeded("user:pr");
    t.failed("user:pr");
    assertThat(t.lockedFor("user:pr")).isZero();
    t.failed("user:pr");
    assertThat(t.lockedFor("user:pr")).isPositive();
  }

  @Test
  void aFloodOfNamesDoesNotGrowWithoutBound() {
    MovableClock clock = new MovableClock();
    LoginThrottle t = new LoginThrottle(clock, 3, Duration.ofMinutes(15));
    for (int i = 0; i < LoginThrottle.MAX_KEYS; i++) {
      t.failed("user:" + i);
    }
    clock.now = NINE.plus(Duration.ofMinutes(16));
    t.failed("user:late");
    assertThat(t.keys()).isEqualTo(1);
  }
}
