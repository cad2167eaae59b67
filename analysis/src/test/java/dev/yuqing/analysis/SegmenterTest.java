package dev.yuqing.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmenterTest {
  private static final Segmenter SEGMENTER = Segmenter.create(List.of("翡翠湾", "华景物业"));

  /** Sentence → the exact search tokens, '|'-separated. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        // domain words stay whole; 万科 is an organisation, not part of a person name
        "万科某小区精装缩水;万科|某|小区|精装缩水",
        "卫生间漏水，墙皮脱落;卫生间|漏水|墙皮脱落",
        "周六上午九点售楼部门口集合;周六|上午|九|点|售楼部|门口|集合",
        // configured names are kept whole
        "翡翠湾业主投诉华景物业;翡翠湾|业主|投诉|华景物业",
        // traditional is converted to simplified first
        "業主們發現牆體開裂;业主|们|发现|墙体开裂",
        // mixed Latin and digits: lower-cased, full-width folded
        "ＩＰＨＯＮＥ15买了3台;iphone|15|买了|3|台",
        "3栋2单元1502漏水;3|栋|2|单元|1502|漏水",
        // emoji and punctuation are not search tokens
        "物业真棒👍！！;物业|真|棒",
        // simplified text that HanLP's converter would damage is left alone
        "坚决反对修改乾城二期原规划;坚决|反对|修改|乾|城|二期|原|规划",
      })
  void tokens(String sentence, String expected) {
    assertThat(String.join("|", SEGMENTER.tokens(sentence))).isEqualTo(expected);
  }

  @Test
  void emptyAndBlankGiveNoTokens() {
    assertThat(SEGMENTER.tokens("")).isEmpty();
    assertThat(SEGMENTER.tokens(null)).isEmpty();
    assertThat(SEGMENTER.tokens("  \n\t ")).isEmpty();
  }

  @Test
  void veryLongInputIsSegmentedCompletely() {
    String sentence = "卫生间漏水，开发商不管。";
    String text = sentence.repeat(5000); // 60 000 characters, split into chunks internally
    List<String> tokens = SEGMENTER.tokens(text);
    assertThat(tokens).hasSize(5000 * 4);
    assertThat(tokens.stream().filter("漏水"::equals).count()).isEqualTo(5000);
  }

  /** Text → query spans as term@start-end, offsets into the original text. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "售楼部门口集合;售楼部@0-3|门口@3-5|集合@5-7",
        // traditional and full-width: terms normalised, offsets still those of the original
        "業主ＡＢＣ投訴;业主@0-2|abc@2-5|投诉@5-7",
        "翡翠湾 3栋漏水！;翡翠湾@0-3|3@4-5|栋@5-6|漏水@6-8",
      })
  void querySpans(String text, String expected) {
    String got =
        SEGMENTER.spans(text, false).stream()
            .map(s -> s.term() + "@" + s.start() + "-" + s.end())
            .collect(java.util.stream.Collectors.joining("|"));
    assertThat(got).isEqualTo(expected);
  }

  @Test
  void indexSpansAlsoHoldTheWordsInsideLongWords() {
    List<String> terms =
        SEGMENTER.spans("精装缩水的业主委员会", true).stream().map(Segmenter.Span::term).toList();
    assertThat(terms).contains("精装缩水", "业主委员会", "业主", "委员会");
    for (Segmenter.Span s : SEGMENTER.spans("業主委員會開會", true)) {
      assertThat(s.end()).isGreaterThan(s.start()).isLessThanOrEqualTo(7);
    }
  }
}
