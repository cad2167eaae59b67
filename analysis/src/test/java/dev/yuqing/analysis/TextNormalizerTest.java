package dev.yuqing.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "業主們說開發商還沒處理;业主们说开发商还没处理",
        "萬科金域藍灣;万科金域蓝湾",
        "坚决反对修改乾城二期原规划;坚决反对修改乾城二期原规划",
        "ＡＢＣ１２３ＸＹＺ;abc123xyz",
        "物业，真棒！;物业，真棒！",
        "iPhone 15 Pro;iphone 15 pro",
      })
  void normalizes(String in, String expected) {
    assertThat(TextNormalizer.normalize(in)).isEqualTo(expected);
  }
}
