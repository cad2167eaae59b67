package dev.yuqing.analysis.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The learners on small synthetic problems whose answer is known. */
class LearnTest {
  /**
   * Bags of sentences: a positive bag holds one "witness" sentence (feature A|x) among noise
   * sentences; negatives hold noise only, some with A|y, which also appears in positives.
   */
  static List<Example> bags(int n, long seed) {
    Random r = new Random(seed);
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean pos = i % 4 == 0;
      List<List<String>> inst = new ArrayList<>();
      for (int k = 0; k < 1 + r.nextInt(4); k++) {
        inst.add(List.of("A|n" + r.nextInt(20), r.nextBoolean() ? "A|y" : "A|z"));
      }
      if (pos) {
        inst.add(r.nextInt(inst.size() + 1), List.of("A|x", "A|n" + r.nextInt(20)));
      }
      out.add(new Example(List.of("D"), inst, pos));
    }
    return out;
  }

  @Test
  void thePooledModelFindsTheWitnessSentence() {
    List<Example> train = bags(400, 1);
    PooledLogistic m = PooledLogistic.train(train, PooledLogistic.Options.DEFAULT);
    assertThat(m.weights().get("A|x")).isGreaterThan(m.weights().getOrDefault("A|y", 0f) + 1);
    BinaryCounts c = BinaryCounts.ZERO;
    for (Example e : bags(200, 2)) {
      c = c.add(e.positive(), m.margin(e) > 0);
      if (e.positive()) {
        assertThat(e.instances().get(m.best(e.instances()))).contains("A|x");
      }
    }
    assertThat(c.f1()).isGreaterThan(0.95);
  }

  @Test
  void trainingRepeats() {
    List<Example> train = bags(200, 3);
    assertThat(PooledLogistic.train(train, PooledLogistic.Options.DEFAULT).weights())
        .isEqualTo(PooledLogistic.train(train, PooledLogistic.Options.DEFAULT).weights());
  }

  @Test
  void severalRunsAverageTheirWeights() {
    List<Example> train = bags(200, 3);
    PooledLogistic.Options one = PooledLogistic.Options.DEFAULT;
    PooledLogistic a = PooledLogistic.train(train, one);
    PooledLogistic b =
        PooledLogistic.train(train, new PooledLogistic.Options(30, 0.1, 1e-2, 1, 2, 8, 1));
    PooledLogistic both = PooledLogistic.train(train, one.withRuns(2));
    assertThat(both.weights().keySet()).isEqualTo(a.weights().keySet());
    for (String f : a.weights().keySet()) {
      assertThat(both.weights().get(f))
          .isCloseTo((a.weights().get(f) + b.weights().get(f)) / 2, within(1e-5f));
    }
    assertThat(both.bias()).isCloseTo((a.bias() + b.bias()) / 2, within(1e-9));
    assertThat(both.weights()).isNotEqualTo(a.weights());
  }

  @Test
  void noRunIsRefused() {
    assertThatThrownBy(() -> PooledLogistic.Options.DEFAULT.withRuns(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("runs");
  }

  @Test
  void thresholdsKeepPrecisionAtLeastRecallWhenAsked() {
    // scores 0.9 0.8 (pos) 0.7 (neg) 0.6 (pos) 0.5 0.4 (neg)
    double[] p = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
    boolean[] y = {true, true, false, true, false, false};
    double best = BinaryClassifier.threshold(p, y, BinaryClassifier.ThresholdRule.BEST_F1);
    double first = BinaryClassifier.threshold(p, y, BinaryClassifier.ThresholdRule.PRECISION_FIRST);
    // best F1 takes all three positives (P 0.75 R 1); precision first stops before the negative
    assertThat(best).isBetween(0.5, 0.6);
    assertThat(first).isBetween(0.7, 0.8);
  }

  @Test
  void plattScalingIsMonotoneAndCalibrates() {
    Random r = new Random(5);
    int n = 2000;
    double[] margin = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      margin[i] = r.nextGaussian() * 2;
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-2 * margin[i]));
    }
    double[] ab = BinaryClassifier.platt(margin, y);
    assertThat(ab[0]).isBetween(1.6, 2.4);
    assertThat(ab[1]).isBetween(-0.3, 0.3);
  }

  @Test
  void aBankGivesEachModelsOwnMargins() {
    List<Example> a = bags(200, 7);
    List<Example> b = bags(200, 8);
    PooledLogistic m1 = PooledLogistic.train(a, PooledLogistic.Options.DEFAULT);
    PooledLogistic m2 = PooledLogistic.train(b, PooledLogistic.Options.DEFAULT);
    ModelBank bank = new ModelBank(List.of(m1, m2));
    for (Example e : bags(50, 9)) {
      ModelBank.Margins m = bank.margins(e.document(), e.instances());
      assertThat(m.margin()[0]).isCloseTo(m1.margin(e), org.assertj.core.data.Offset.offset(1e-6));
      assertThat(m.margin()[1]).isCloseTo(m2.margin(e), org.assertj.core.data.Offset.offset(1e-6));
      assertThat(m.best()[0]).isEqualTo(m1.best(e.instances()));
    }
  }

  @Test
  void groupsAreNormalisedApart() {
    double[] s = Groups.scales(List.of("W|a", "W|b", "W|c", "W|d", "C|x", "D"));
    assertThat(s).containsExactly(0.5, 0.5, 0.5, 0.5, 1.0, 1.0);
  }

  @Test
  void aClassifierFileRoundTrips() throws IOException {
    BinaryClassifier c =
        new BinaryClassifier(
            PooledLogistic.train(bags(100, 4), PooledLogistic.Options.DEFAULT), 1.5, -0.25, 0.4);
    Map<String, BinaryClassifier> m = new LinkedHashMap<>();
    m.put("ONE", c);
    ClassifierFile.Content content =
        new ClassifierFile.Content(m, List.of(new ClassifierFile.Source("gold.jsonl", 100, "ab")));
    StringWriter w = new StringWriter();
    ClassifierFile.write(w, "test", content);
    ClassifierFile.Content back =
        ClassifierFile.read(
            new ByteArrayInputStream(w.toString().getBytes(StandardCharsets.UTF_8)), "t.tsv");
    assertThat(back.trainedOn()).isEqualTo(content.trainedOn());
    BinaryClassifier d = back.classifiers().get("ONE");
    assertThat(d.threshold()).isEqualTo(0.4);
    for (Example e : bags(30, 6)) {
      assertThat(d.model().margin(e))
          .isCloseTo(c.model().margin(e), org.assertj.core.data.Offset.offset(1e-3));
    }
  }

  @Test
  void aMalformedFileNamesItsLine() {
    String bad = "classifier\tX\t0\t1\t0\t0.5\nw\tX\tA|x\tnot-a-number\n";
    assertThatThrownBy(
            () ->
                ClassifierFile.read(
                    new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), "m.tsv"))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("m.tsv:2:");
  }
}
