package dev.yuqing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchStreamCommandTest {
  @Test
  void theMedianOfTheRoundsCountsNotTheirOrder() {
    assertThat(BenchStreamCommand.median(List.of(0.9, 0.3, 0.5))).isEqualTo(0.5);
    assertThat(BenchStreamCommand.median(List.of(4.0, 1.0))).isEqualTo(2.5);
    assertThat(BenchStreamCommand.median(List.of(7.0))).isEqualTo(7.0);
  }
}
