package dev.yuqing.crawler.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BigramsTest {
  @Test
  void sameTextIsOneWhateverTheWhitespace() {
    assertThat(Bigrams.f1("业主反映 墙面开裂\n", "业主反映墙面开裂")).isEqualTo(1.0);
    assertThat(Bigrams.f1("业主\u3000反映", "业主反映")).isEqualTo(1.0);
  }

  @Test
  void nothingSharedOrNothingThereIsZero() {
    assertThat(Bigrams.f1("物业回应", "业主投诉")).isZero();
    assertThat(Bigrams.f1("", "业主投诉")).isZero();
    assertThat(Bigrams.f1(null, "业主投诉")).isZero();
    assertThat(Bigrams.f1("业", "业")).isZero(); // no bigram at all
  }

  @Test
  void countsAreClippedAndPrecisionMeetsRecall() {
    // extracted: 业主 ×3 and 主业 ×2, key: 业主 ×1 → overlap 1 of 5 extracted, 1 of 1 key
    assertThat(Bigrams.f1("业主业主业主", "业主")).isCloseTo(2 * 0.2 * 1 / 1.2, within(1e-9));
    // half the key: 4 of its 8 bigrams, precision 1
    assertThat(Bigrams.f1("业主反映墙", "业主反映墙面开裂了")).isCloseTo(2 * 0.5 / 1.5, within(1e-9));
  }
}
