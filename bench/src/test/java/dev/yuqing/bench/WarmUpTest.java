package dev.yuqing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WarmUpTest {
  @Test
  void settlesAfterTwoCalmRunsInARowNotAfterOne() {
    WarmUp w = WarmUp.untilSettled();
    assertThat(w.done(0)).isFalse();
    w.add(5.4, 17.8); // cold
    w.add(2.1, 9.0);
    w.add(0.3, 6.3); // calm (4.8 %)
    assertThat(w.done(40)).isFalse();
    w.add(0.5, 6.4); // busy again (7.8 %)
    assertThat(w.done(50)).isFalse();
    w.add(0.3, 6.4);
    assertThat(w.done(60)).isFalse();
    w.add(0.2, 6.6);
    assertThat(w.done(70)).isTrue();
    assertThat(w.verdict()).contains("settled after 6 runs");
  }

  @Test
  void stopsAtTheCapWhenTheCompilerNeverSettles() {
    WarmUp w = WarmUp.untilSettled();
    for (int i = 0; i < WarmUp.MAX_RUNS - 1; i++) {
      w.add(2.0, 8.0);
      assertThat(w.done(i)).isFalse();
    }
    w.add(2.0, 8.0);
    assertThat(w.done(WarmUp.MAX_RUNS)).isTrue();
    assertThat(w.verdict()).contains("had not settled after " + WarmUp.MAX_RUNS + " runs");

    WarmUp slow = WarmUp.untilSettled();
    slow.add(2.0, 8.0);
    assertThat(slow.done(WarmUp.MAX_SECONDS)).isTrue();
  }

  @Test
  void aFixedCountIsKeptAndAnUnknownJitFallsBackToAFixedCount() {
    WarmUp fixed = WarmUp.runs(1);
    assertThat(fixed.done(0)).isFalse();
    fixed.add(0.1, 9.0);
    assertThat(fixed.done(1)).isTrue();
    assertThat(fixed.verdict()).isEqualTo("warm-up: 1 run, as asked (--warm-up-runs)");
    assertThat(WarmUp.runs(0).done(0)).isTrue();
    assertThatThrownBy(() -> WarmUp.runs(-1)).hasMessageContaining("--warm-up-runs -1");

    WarmUp blind = WarmUp.untilSettled();
    for (int i = 0; i < WarmUp.FALLBACK_RUNS; i++) {
      assertThat(blind.done(i)).isFalse();
      blind.add(Double.NaN, 9.0);
    }
    assertThat(blind.done(3)).isTrue();
    assertThat(blind.verdict()).contains("does not tell");
  }
}
