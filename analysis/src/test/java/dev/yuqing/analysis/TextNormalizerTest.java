package dev.yuqing.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden tables: a text and exactly what it normalises to. Texts written for this test. */
class TextNormalizerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "業主們說開發商還沒處理;业主们说开发商还没处理",
        "萬科金域藍灣;万科金域蓝湾",
        "ＡＢＣ１２３ＸＹＺ;abc123xyz",
        "物业，真棒！;物业，真棒！",
        "iPhone 15 Pro;iphone 15 pro",
      })
  void normalizes(String in, String expected) {
    assertThat(TextNormalizer.normalize(in)).isEqualTo(expected);
  }

  /** 乾 is a simplified character of its own (qián): names keep it; traditional 乾 (gān) is 干. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "乾隆年间修建的古桥;乾隆年间修建的古桥",
        "扭转乾坤;扭转乾坤",
        "陕西省咸阳市乾县;陕西省咸阳市乾县",
        "坚决反对修改乾城二期原规划;坚决反对修改乾城二期原规划",
        // traditional text: HanLP's phrases keep the names
        "乾隆年間修建的古橋;乾隆年间修建的古桥",
        "扭轉乾坤;扭转乾坤",
        "陝西乾縣的業主;陕西乾县的业主",
        // a traditional character in a simplified text is converted, the name is not
        "乾县的業主;乾县的业主",
        "業主投诉乾城物业;业主投诉乾城物业",
        // traditional 乾 meaning dry
        "牆面至今沒乾;墙面至今没干",
        "房間不乾淨;房间不干净",
      })
  void qianInNames(String in, String expected) {
    assertThat(TextNormalizer.normalize(in)).isEqualTo(expected);
  }

  /** Full-width Latin, digits and symbols fold; the Chinese sentence punctuation stays. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "３栋２单元１５０２室;3栋2单元1502室",
        "物业费涨了３０％，每平米３．５元;物业费涨了30%，每平米3.5元",
        "明早８：３０住建局门口见！;明早8：30住建局门口见！",
        "＃维权＃＠华景地产;#维权#@华景地产",
        "交房\u3000延期;交房 延期",
        "￥５０００元;¥5000元",
        // ASCII punctuation is left as typed
        "漏水!!(急);漏水!!(急)",
        // small, vertical and half-width forms of Big5 and old input methods
        "漏水\uFE50墙裂\uFE57;漏水，墙裂！",
        "\uFE35急\uFE36\uFE12;（急）。",
        "｢交房｣､验房｡;「交房」、验房。",
      })
  void fullWidth(String in, String expected) {
    assertThat(TextNormalizer.normalize(in)).isEqualTo(expected);
  }

  /** Emoji and supplementary-plane characters pass whole; a conversion may produce one. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "物业真棒👍👍;物业真棒👍👍",
        "😡業主們😡;😡业主们😡",
        "👨\u200D👩\u200D👧一家人收房🇨🇳;👨\u200D👩\u200D👧一家人收房🇨🇳",
        "点赞👍🏻👍🏿;点赞👍🏻👍🏿",
        "𠀋𡃁小区;𠀋𡃁小区",
        "火鑪;火𬬻",
      })
  void supplementary(String in, String expected) {
    assertThat(TextNormalizer.normalize(in)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        // a traditional quotation in a simplified post; corner brackets are not script
        "网友转发：「業主們發現牆體開裂」;网友转发：「业主们发现墙体开裂」",
        "发现漏水後;发现漏水后",
        // 程式 is Taiwanese for 程序 in traditional text, and simplified of its own in 程式化
        "程式化的服务;程式化的服务",
        "工程師說程式有問題;工程师说程序有问题",
      })
  void mixedScripts(String in, String expected) {
    assertThat(TextNormalizer.normalize(in)).isEqualTo(expected);
  }

  /** Variant forms: Big5-era characters and what Big5 conversions and PDFs produce. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "眞的很滿意;真的很满意",
        "裏面和裡面;里面和里面",
        "爲什麼;为什么",
        "衆多業主;众多业主",
        "峯綫;峰线",
        // compatibility ideographs 樂 (U+F914), 兀 (U+FA0C), 嗀 (U+FA0D)
        "\uF914園;乐园",
        "\uFA0C\uFA0D;\u5140\u55C0",
        // Kangxi radicals ⼈⼝ (U+2F08 U+2F1D)
        "\u2F08\u2F1D;人口",
      })
  void big5EraVariants(String in, String expected) {
    assertThat(TextNormalizer.normalize(in)).isEqualTo(expected);
  }

  @Test
  void nullAndEmptyGiveEmpty() {
    assertThat(TextNormalizer.normalize(null)).isEmpty();
    assertThat(TextNormalizer.normalize("")).isEmpty();
    assertThat(TextNormalizer.simplified(null)).isEmpty();
  }

  @Test
  void simplifiedConvertsScriptOnly() {
    assertThat(TextNormalizer.simplified("ＡＢＣ業主們ＸＹ，乾隆")).isEqualTo("ＡＢＣ业主们ＸＹ，乾隆");
    assertThat(TextNormalizer.simplified("\uF914園")).isEqualTo("乐园");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "翡翠灣業主反映：交房後衛生間漏水;TRADITIONAL",
        "業主們;TRADITIONAL",
        "翡翠湾业主反映：交房后卫生间漏水。;SIMPLIFIED",
        // one traditional character is a quotation or a typo
        "发现漏水後;SIMPLIFIED",
        // 乾 and 昇 are simplified characters too
        "乾县乾城乾隆昇平;SIMPLIFIED",
        "ABC 123 👍;SIMPLIFIED",
      })
  void script(String in, Script expected) {
    assertThat(TextNormalizer.script(in)).isEqualTo(expected);
  }

  @Test
  void twoTraditionalCharactersInALongSimplifiedTextDoNotMakeItTraditional() {
    String text = "业主反映卫生间漏水，开发商一直不处理。".repeat(3) + "發現";
    assertThat(TextNormalizer.script(text)).isEqualTo(Script.SIMPLIFIED);
    assertThat(TextNormalizer.script("發現" + "业主反映漏水")).isEqualTo(Script.TRADITIONAL);
  }

  /**
   * Random text from every kind of character seen in crawled pages: normalising never fails, never
   * splits a surrogate pair, keeps every emoji, and normalising again changes nothing.
   */
  @Test
  void randomInputIsNormalisedSafely() {
    Random random = new Random(18);
    int[][] ranges = {
      {0x20, 0x7E}, // ASCII
      {0x4E00, 0x9FFF}, // CJK unified ideographs
      {0x3400, 0x4DBF}, // extension A
      {0x20000, 0x2A6DF}, // extension B
      {0xF900, 0xFAFF}, // compatibility ideographs
      {0x2F00, 0x2FD5}, // Kangxi radicals
      {0xFF01, 0xFFEF}, // half-width and full-width forms
      {0xFE10, 0xFE6B}, // vertical, compatibility and small forms
      {0x3000, 0x303F}, // CJK punctuation
      {0x1F300, 0x1FAFF}, // emoji
      {0x200D, 0x200D}, // zero-width joiner
    };
    String traditional = "業們說開發還沒處理乾縣隆坤淨裏裡爲衆峯綫眞後鑪樂";
    for (int n = 0; n < 2000; n++) {
      StringBuilder sb = new StringBuilder();
      List<Integer> emoji = new ArrayList<>();
      int length = random.nextInt(40);
      for (int k = 0; k < length; k++) {
        int cp;
        if (random.nextInt(4) == 0) {
          cp = traditional.codePointAt(random.nextInt(traditional.length()));
        } else {
          int[] r = ranges[random.nextInt(ranges.length)];
          cp = r[0] + random.nextInt(r[1] - r[0] + 1);
        }
        if (isEmoji(cp)) {
          emoji.add(cp);
        }
        sb.appendCodePoint(cp);
      }
      String in = sb.toString();
      String out = TextNormalizer.normalize(in);
      assertThat(wellFormed(out)).as(in).isTrue();
      assertThat(out.codePoints().filter(TextNormalizerTest::isEmoji).boxed().toList())
          .as(in)
          .isEqualTo(emoji);
      assertThat(TextNormalizer.normalize(out)).as(in).isEqualTo(out);
      assertThat(wellFormed(TextNormalizer.simplified(in))).as(in).isTrue();
    }
  }

  @Test
  void aLoneSurrogateIsKeptAsIs() {
    assertThat(TextNormalizer.normalize("業主\uD83D們")).isEqualTo("业主\uD83D们");
    assertThat(TextNormalizer.normalize("\uDC4D１")).isEqualTo("\uDC4D1");
  }

  private static boolean isEmoji(int cp) {
    return cp >= 0x1F300 && cp <= 0x1FAFF;
  }

  /** No high surrogate without a low one after it, and no low one without a high one before. */
  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
              : !Character.isLowSurrogate(c)
                  || (i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
      if (!paired) {
        return false;
      }
    }
    return true;
  }
}
