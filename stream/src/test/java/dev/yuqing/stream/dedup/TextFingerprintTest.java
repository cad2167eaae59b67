package dev.yuqing.stream.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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

  /** Dedup reads a text as analysis does (one normaliser), less what is not a letter or digit. */
  @Test
  void normalisationIsThatOfAnalysisWithoutPunctuation() {
    // HanLP's converter alone reads 乾城 as 干城, analysis keeps the name
    assertThat(TextFingerprint.normalise("乾城二期業主：漏水！")).isEqualTo("乾城二期业主漏水");
    assertThat(TextFingerprint.normalise("👍物业\u3000真棒﹗ＯＫ")).isEqualTo("物业真棒ok");
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

  /**
   * Fingerprints live in checkpoints (the linker's origins): a faster implementation must compute
   * exactly what the first one did, a set of boxed bigrams.
   */
  @Test
  void theFingerprintIsThatOfTheDistinctBigrams() {
    java.util.Random random = new java.util.Random(7);
    List<String> texts = new ArrayList<>(List.of("a", "ab", "aaaa", "\u0000\u0000x", LEAK + LEAK));
    for (int i = 0; i < 200; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + random.nextInt(600);
      for (int j = 0; j < n; j++) {
        // a small alphabet, so bigrams repeat and slots collide
        sb.append(
            (char) (random.nextBoolean() ? '0' + random.nextInt(10) : 0x4E00 + random.nextInt(40)));
      }
      texts.add(sb.toString());
    }
    for (String t : texts) {
      assertThat(TextFingerprint.simHash(t)).as(t).isEqualTo(boxedSimHash(t));
    }
  }

  private static long boxedSimHash(String s) {
    int[] weights = new int[64];
    if (s.length() == 1) {
      addBits(weights, TextFingerprint.mix(s.charAt(0)));
    }
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int i = 0; i + 1 < s.length(); i++) {
      int feature = (s.charAt(i) << 16) | s.charAt(i + 1);
      if (seen.add(feature)) {
        addBits(weights, TextFingerprint.mix(feature));
      }
    }
    long h = 0;
    for (int b = 0; b < 64; b++) {
      if (weights[b] > 0) {
        h |= 1L << b;
      }
    }
    return h;
  }

  private static void addBits(int[] weights, long hash) {
    for (int b = 0; b < 64; b++) {
      weights[b] += ((hash >>> b) & 1) == 1 ? 1 : -1;
    }
  }
}
