package dev.yuqing.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CueCounterTest {
  /**
   * Overlapping sets, shared words, prefixes of each other: the cases the one-pass masks handle.
   */
  private static final List<String> SETS =
      List.of("投诉|投诉无门|举报", "无门|投诉无门|门", "业主|业主们|主", "延期|期", "门口|口");

  @Test
  void countsEachSetAsItsOwnCuesWould() {
    CueCounter counter = new CueCounter(SETS);
    String alphabet = "投诉无门举报业主们延期口门,。";
    Random random = new Random(7);
    for (int t = 0; t < 2000; t++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(40); n > 0; n--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      int[] counts = counter.count(text.toString());
      for (int s = 0; s < SETS.size(); s++) {
        assertThat(counts[s])
            .as(SETS.get(s) + " in " + text)
            .isEqualTo(Cues.of(SETS.get(s)).count(text.toString()));
      }
    }
  }

  @Test
  void countsNonOverlappingLongestFirst() {
    assertThat(new CueCounter(SETS).count("投诉无门，业主们在门口")).containsExactly(1, 2, 1, 0, 1);
  }
}
