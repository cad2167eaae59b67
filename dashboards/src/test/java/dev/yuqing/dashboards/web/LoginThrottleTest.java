package dev.yuqing.dashboards.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.alerts.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private static final Instant NINE = Instant.parse("2024-05-06T01:00:00Z");

  @Test
  void locksAfterMaxFailuresUntilTheOldestLeavesTheWindow() {
    MutableClock clock = new MutableClock(NINE);
    LoginThrottle t = new LoginThrottle(clock, 3, Duration.ofMinutes(15));
    t.failed("user:pr");
    clock.set(NINE.plusSeconds(60));
    t.failed("user:pr");
    assertThat(t.lockedFor("user:pr")).isZero();
    t.failed("user:pr");
    assertThat(t.lockedFor("user:pr")).isEqualTo(Duration.ofMinutes(14));
    assertThat(t.lockedFor("user:other")).isZero();
    clock.set(NINE.plus(Duration.ofMinutes(15)));
    assertThat(t.lockedFor("user:pr")).isZero();
  }

  @Test
  void successClearsTheFailures() {
    MutableClock clock = new MutableClock(NINE);
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
    MutableClock clock = new MutableClock(NINE);
    LoginThrottle t = new LoginThrottle(clock, 3, Duration.ofMinutes(15));
    for (int i = 0; i < LoginThrottle.MAX_KEYS; i++) {
      t.failed("user:" + i);
    }
    clock.set(NINE.plus(Duration.ofMinutes(16)));
    t.failed("user:late");
    assertThat(t.keys()).isEqualTo(1);
  }
}
