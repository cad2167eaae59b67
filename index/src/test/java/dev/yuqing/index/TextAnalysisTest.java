package dev.yuqing.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.analysis.SearchTextAnalysis;
import dev.yuqing.core.TextAnalysis;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden table of how the index reads Chinese (HanLP dictionary segmentation, index mode for
 * documents). When the segmenter changes (the analysis module's dictionary), update the table on
 * purpose.
 */
class TextAnalysisTest {
  private static final TextAnalysis ANALYSIS = SearchTextAnalysis.get();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "交房后发现卫生间漏水 | 交房 后 发现 卫生间 卫生 漏水",
        // traditional and full-width text is read as simplified half-width
        "衛生間漏水！ＡＢＣ１２３ | 卫生间 卫生 漏水 abc 123",
        "推迟交房违约金怎么算？ | 推迟交房 推迟 交房 违约金 违约 怎么 算",
        // the handover dictionary keeps 售楼部 whole
        "周六售楼部门口集合 | 周六 售楼部 售楼 门口 集合",
        "各位业主，周六上午九点集合 | 各位 业主 周六 上午 九 点 集合",
        // punctuation and emoji are no terms
        "！？…… 😡 | ''",
      })
  void indexTerms(String text, String expected) {
    List<String> terms =
        ANALYSIS.documentTerms(text).stream().map(TextAnalysis.Term::term).toList();
    assertThat(terms)
        .containsExactlyElementsOf(expected.isBlank() ? List.of() : List.of(expected.split(" ")));
  }

  @Test
  void offsetsPointIntoTheOriginalText() {
    String text = "業主們說：衛生間漏水了";
    String normal = ANALYSIS.normalise(text);
    assertThat(normal).hasSameSizeAs(text);
    List<TextAnalysis.Term> tokens = ANALYSIS.documentTerms(text);
    assertThat(tokens).extracting(TextAnalysis.Term::term).contains("业主", "卫生间", "漏水");
    for (TextAnalysis.Term t : tokens) {
      assertThat(normal.substring(t.start(), t.end())).isEqualTo(t.term());
    }
  }

  @Test
  void queriesUseNormalModeWithoutSubWords() {
    assertThat(ANALYSIS.queryTerms("卫生间漏水")).containsExactly("卫生间", "漏水");
    assertThat(ANALYSIS.queryTerms("漏水 漏水")).containsExactly("漏水");
  }

  @Test
  void randomTextNeverBreaksTheAnalysis() {
    Random random = new Random(42);
    for (int i = 0; i < 500; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(60);
      for (int j = 0; j < n; j++) {
        sb.appendCodePoint(
            switch (random.nextInt(4)) {
              case 0 -> 0x4e00 + random.nextInt(0x9fa5 - 0x4e00);
              case 1 -> 0x20 + random.nextInt(0x5f);
              case 2 -> 0x1f600 + random.nextInt(0x40);
              default -> 0xff01 + random.nextInt(0x5e);
            });
      }
      String text = sb.toString();
      for (TextAnalysis.Term t : ANALYSIS.documentTerms(text)) {
        assertThat(t.start()).isBetween(0, text.length());
        assertThat(t.end()).isBetween(t.start(), text.length());
        assertThat(t.term()).isNotBlank();
      }
      TextQuery.parse(text, ANALYSIS);
    }
  }
}
