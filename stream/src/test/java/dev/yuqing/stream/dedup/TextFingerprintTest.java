package dev.yuqing.stream.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFingerprintTest {
  private static final String LEAK = "昨晚下了一夜大雨，早上起来发现客厅天花板在滴水，墙角全是水渍，木地板都泡了。刚交房一天就漏水，华景地产的质量就这样？";

  @Test
  void normalisationDropsPunctuationSpacingAndWidth() {
    assertThat(TextFingerprint.normalise("天花板，漏水！ ＡＢＣ　123")).isEqualTo("天花板漏水abc123");
  }

  @Test
  void traditionalTextHasTheSameFingerprintAsSimplified() {
    assertThat(TextFingerprint.normalise("天花板漏水，華景地產的質量"))
        .isEqualTo(TextFingerprint.normalise("天花板漏水，华景地产的质量"));
  }

  @Test
  void aRepostWithOtherPunctuationIsIdentical() {
    String repost = LEAK.replaceAll("[，。？]", " ");
    assertThat(
            TextFingerprint.distance(
                TextFingerprint.simHash(TextFingerprint.normalise(LEAK)),
                TextFingerprint.simHash(TextFingerprint.normalise(repost))))
        .isZero();
  }

  @Test
  void aLightlyEditedRepostIsNear() {
    String edited = LEAK.replace("一夜", "整夜") + "（转）";
    int d =
        TextFingerprint.distance(
            TextFingerprint.simHash(TextFingerprint.normalise(LEAK)),
            TextFingerprint.simHash(TextFingerprint.normalise(edited)));
    assertThat(d).isBetween(1, 6);
  }

  @Test
  void differentComplaintsAreFar() {
    String other = "我家也是！主卧天花板渗水，墙皮已经鼓起来了，前天验房的时候还好好的，太让人失望了。";
    int d =
        TextFingerprint.distance(
            TextFingerprint.simHash(TextFingerprint.normalise(LEAK)),
            TextFingerprint.simHash(TextFingerprint.normalise(other)));
    assertThat(d).isGreaterThan(10);
  }

  @Test
  void hashesWithinTheBandCountShareABand() {
    long a = 0x0123_4567_89AB_CDEFL;
    // one flipped bit in each of the first six 9-bit bands: only the seventh band is shared
    long b = a;
    for (int i = 0; i < 6; i++) {
      b ^= 1L << (9 * i + 4);
    }
    int shared = 0;
    for (int i = 0; i < 7; i++) {
      if (TextFingerprint.band(a, i, 7) == TextFingerprint.band(b, i, 7)) {
        shared++;
      }
    }
    assertThat(shared).isEqualTo(1);
  }
}
