package dev.yuqing.alerts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RuleContextTest {
  private static final Instant T0 = Instant.parse("2016-03-01T08:00:00Z");

  private static RuleContext every(Duration window) {
    return new RuleContext(window, Duration.ofHours(2), ZoneId.of("Asia/Shanghai"));
  }

  @Test
  void windowsBetweenCountsWholeWindowsLikeDurationDivision() {
    RuleContext ctx = every(Duration.ofMinutes(30));
    assertEquals(0, ctx.windowsBetween(T0, T0));
    assertEquals(0, ctx.windowsBetween(T0, T0.plusSeconds(1799)));
    assertEquals(1, ctx.windowsBetween(T0, T0.plusSeconds(1800)));
    assertEquals(3, ctx.windowsBetween(T0, T0.plus(Duration.ofMinutes(119))));
    // eight years of sparse data: the gaps the rules step through
    Instant later = T0.plus(Duration.ofDays(8 * 365 + 2)).plusSeconds(4321);
    assertEquals(
        Duration.between(T0, later).dividedBy(Duration.ofMinutes(30)),
        ctx.windowsBetween(T0, later));
    // odd window lengths, down to the nanosecond
    RuleContext odd = every(Duration.ofSeconds(7, 3));
    Instant to = T0.plus(Duration.ofDays(400)).plusNanos(17);
    assertEquals(
        Duration.between(T0, to).dividedBy(Duration.ofSeconds(7, 3)), odd.windowsBetween(T0, to));
  }

  @Test
  void windowsBetweenIsZeroBackwardsAndExactBeyondTheNanosecondRange() {
    RuleContext ctx = every(Duration.ofMinutes(30));
    assertEquals(0, ctx.windowsBetween(T0.plusSeconds(3600), T0));
    // over 292 years the gap no longer fits a long in nanoseconds
    Instant far = T0.plus(Duration.ofDays(365L * 400));
    assertEquals(
        Duration.between(T0, far).dividedBy(Duration.ofMinutes(30)), ctx.windowsBetween(T0, far));
  }

  @Test
  void aWindowMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> every(Duration.ZERO));
  }
}
