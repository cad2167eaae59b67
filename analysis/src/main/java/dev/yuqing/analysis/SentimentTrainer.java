package dev.yuqing.analysis;

import dev.yuqing.analysis.Corpora.Example;
import dev.yuqing.analysis.learn.Platt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Trains {@link SentimentModel}. Polarity: logistic regression with AdaGrad over hashed features of
 * the review sentences (never the handover messages), Platt-calibrated on a slice of reviews held
 * out of polarity training. Stance: a three-class logistic regression over hashed words and the
 * dense cues (with the polarity's verdict among them) on the handover messages, plus a sample of
 * the held-out reviews as examples of texts that do take a stance. Since polarity never sees a
 * handover message, the stance layer can be retrained alone without any message it is scored on
 * ({@link #withStance}): that is how the gold is cross-fitted. Deterministic for the same input.
 */
public final class SentimentTrainer {
  /** Most reviews of one corpus shown to the stance layer. */
  static final int REVIEW_SAMPLE = 3000;

  /** Weight of all sampled reviews together against all handover messages together. */
  static final double REVIEW_SHARE = 1.0;

  /** Weight of all social posts together against all handover messages together. */
  static final double SOCIAL_SHARE = 1.0;

  /** Class balancing of the handover messages (see {@link #add}). */
  static final double HANDOVER_BALANCE = 0.5;

  /** Folds of the cross-validation that picks the neutral shift ({@link #neutralShift}). */
  static final int NEUTRAL_FOLDS = 3;

  /**
   * Every {@code CALIBRATION}-th review (by text key) is held out of polarity training, for Platt
   * scaling and as honest examples for the stance layer.
   */
  static final int CALIBRATION = 4;

  private static final int EPOCHS = 5;
  private static final double RATE = 0.2;
  private static final double L2 = 1e-6;

  // stance layer: AdaGrad over hashed words and the dense cues; words are regularised harder
  // than cues, since a thousand messages cannot pin down thousands of word weights
  private static final int STANCE_EPOCHS = 20;
  private static final double STANCE_RATE = 0.1;
  private static final double STANCE_L2_WORDS = 1e-3;
  private static final double STANCE_L2_DENSE = 1e-4;

  private final SentimentFeatures features;
  private final Segmenter segmenter;

  public SentimentTrainer() {
    this.segmenter = Segmenter.create();
    this.features = new SentimentFeatures(new SentimentLexicon());
  }

  /**
   * A featurised example.
   *
   * @param key hash of the normalised text: decides the calibration slice, and lets evaluation
   *     leave every copy of a scored text out of training
   */
  record Row(FeatureVector x, int label, Corpora.Kind kind, int key, String source) {}

  /**
   * The key of a text: the hash of its normalised form, or for a repost ({@code 评论//@某人:原文}) of the
   * post it reposts, so that reposts of one post count as one text.
   */
  static int textKey(String text) {
    return normalizedKey(TextNormalizer.normalize(text));
  }

  private static int normalizedKey(String normalized) {
    int at = normalized.lastIndexOf("//@");
    if (at >= 0) {
      int colon = at + 3;
      while (colon < normalized.length() && ":：".indexOf(normalized.charAt(colon)) < 0) {
        colon++;
      }
      String root = colon + 1 < normalized.length() ? normalized.substring(colon + 1).strip() : "";
      if (!root.isEmpty()) {
        return root.hashCode();
      }
    }
    return normalized.hashCode();
  }

  /** True when a review (by its {@link #textKey}) is held out of polarity training. */
  static boolean calibration(int hash) {
    return Math.floorMod(hash, CALIBRATION) == 0;
  }

  /** True when a row teaches polarity: a review outside the calibration slice. */
  static boolean polarity(Row r) {
    return r.kind() == Corpora.Kind.REVIEW && !calibration(r.key()) && r.label() != 0;
  }

  /** Features of every example (the slow part: segmentation), in order. */
  public List<Row> featurize(List<Example> examples) {
    Row[] rows = new Row[examples.size()];
    java.util.stream.IntStream.range(0, examples.size())
        .parallel()
        .forEach(
            i -> {
              Example e = examples.get(i);
              String n = TextNormalizer.normalize(e.text());
              FeatureVector x = features.extract(n, segmenter.terms(n));
              rows[i] = new Row(x, e.label(), e.kind(), normalizedKey(n), e.source());
            });
    return Arrays.asList(rows);
  }

  /** Trains on featurised rows; {@code manifest} records what they came from. */
  public SentimentModel train(List<Row> rows, List<SentimentModel.TrainingSource> manifest) {
    List<Row> polarityRows = new ArrayList<>();
    List<Row> heldOut = new ArrayList<>();
    for (Row r : rows) {
      if (polarity(r)) {
        polarityRows.add(r);
      } else if (r.kind() == Corpora.Kind.REVIEW && calibration(r.key())) {
        heldOut.add(r);
      }
    }
    Polarity full = trainPolarity(polarityRows);
    return withStance(full.asModel(platt(full, heldOut)), rows, manifest);
  }

  /**
   * The polarity of {@code polarity} with a stance layer trained on the handover messages and
   * social posts among {@code rows} and a sample of its reviews in the calibration slice, none of
   * which {@code polarity} may have been trained on.
   */
  SentimentModel withStance(
      SentimentModel polarity, List<Row> rows, List<SentimentModel.TrainingSource> manifest) {
    List<Row> handover = new ArrayList<>();
    List<Row> social = new ArrayList<>();
    List<Row> reviews = new ArrayList<>();
    for (Row r : rows) {
      switch (r.kind()) {
        case HANDOVER -> handover.add(r);
        case SOCIAL -> social.add(r);
        case REVIEW -> {
          if (calibration(r.key()) && r.label() != 0) {
            reviews.add(r);
          }
        }
      }
    }
    List<Row> sx = new ArrayList<>();
    List<Double> sw = new ArrayList<>();
    double handoverTotal = add(sx, sw, handover, HANDOVER_BALANCE, handover.size());
    double unit = Math.max(1, handoverTotal);
    add(sx, sw, social, 1, unit * SOCIAL_SHARE);
    // every review corpus weighs the same, whatever its size: they differ in genre
    java.util.Map<String, List<Row>> bySource = new java.util.TreeMap<>();
    for (Row r : reviews) {
      bySource.computeIfAbsent(r.source(), k -> new ArrayList<>()).add(r);
    }
    for (List<Row> corpus : bySource.values()) {
      // a fixed order before sampling, whatever order the rows came in
      corpus.sort(java.util.Comparator.comparingInt(Row::key).thenComparingInt(Row::label));
      Collections.shuffle(corpus, new Random(7));
      List<Row> sample = corpus.subList(0, Math.min(REVIEW_SAMPLE, corpus.size()));
      add(sx, sw, sample, 0, unit * REVIEW_SHARE / bySource.size());
    }
    double[][] dense = new double[sx.size()][];
    for (int k = 0; k < sx.size(); k++) {
      dense[k] = polarity.stanceInput(sx.get(k).x());
    }
    Stance stance = trainStance(sx, dense, sw);
    int width = SentimentModel.STANCE_INPUTS.size() + 1;
    stance.dense[width + SentimentModel.IN_DOMAIN_INDICATOR] += (float) neutralShift(sx, dense, sw);
    return new SentimentModel(
        polarity.weights(),
        polarity.bias(),
        polarity.plattA(),
        polarity.plattB(),
        stance.dense,
        stance.words,
        List.copyOf(manifest));
  }

  /**
   * How much to raise the neutral score of texts of the watched world, chosen by cross-validation
   * over the handover messages for their macro-F1. A minority class is best found below the
   * probability that makes it the most likely one: the F1-optimal threshold of a class lies near
   * half its attainable F1.
   */
  static double neutralShift(List<Row> sx, double[][] dense, List<Double> sw) {
    if (NEUTRAL_FOLDS < 2) {
      return 0;
    }
    List<double[]> scored = new ArrayList<>(); // label, then class scores
    for (int fold = 0; fold < NEUTRAL_FOLDS; fold++) {
      List<Row> train = new ArrayList<>();
      List<double[]> trainDense = new ArrayList<>();
      List<Double> trainWeights = new ArrayList<>();
      List<Integer> held = new ArrayList<>();
      for (int k = 0; k < sx.size(); k++) {
        Row r = sx.get(k);
        if (r.kind() == Corpora.Kind.HANDOVER
            && Math.floorMod(Integer.reverse(r.key()), NEUTRAL_FOLDS) == fold) {
          held.add(k);
        } else {
          train.add(r);
          trainDense.add(dense[k]);
          trainWeights.add(sw.get(k));
        }
      }
      Stance st = trainStance(train, trainDense.toArray(double[][]::new), trainWeights);
      for (int k : held) {
        double[] z = SentimentModel.scores(st.dense, dense[k], st.words, sx.get(k).x());
        scored.add(new double[] {sx.get(k).label(), z[0], z[1], z[2]});
      }
    }
    double best = 0;
    double bestF1 = -1;
    for (int step = 0; step <= 12; step++) {
      double shift = step * 0.25;
      SentimentScores s = new SentimentScores();
      for (double[] z : scored) {
        double[] p = SentimentModel.normalize(new double[] {z[1], z[2] + shift, z[3]});
        int c = p[1] > p[0] && p[1] >= p[2] ? 1 : p[0] >= p[2] ? 0 : 2;
        s.add(
            (int) z[0],
            new dev.yuqing.core.Sentiment(dev.yuqing.core.SentimentLabel.values()[c], p[c]));
      }
      if (s.macroF1() > bestF1 + 1e-9) {
        bestF1 = s.macroF1();
        best = shift;
      }
    }
    return best;
  }

  /**
   * Adds rows with weights that sum to {@code total}; {@code balance} 0 leaves the classes as they
   * come, 1 gives each class the same weight, in between softens the imbalance (0.5: square root).
   * Returns the total added.
   */
  private static double add(
      List<Row> sx, List<Double> sw, List<Row> rows, double balance, double total) {
    if (rows.isEmpty()) {
      return 0;
    }
    int[] perClass = new int[3];
    for (Row r : rows) {
      perClass[r.label() + 1]++;
    }
    double[] w = new double[rows.size()];
    double sum = 0;
    for (int k = 0; k < w.length; k++) {
      w[k] = Math.pow((double) rows.size() / perClass[rows.get(k).label() + 1], balance);
      sum += w[k];
    }
    for (int k = 0; k < w.length; k++) {
      sx.add(rows.get(k));
      sw.add(w[k] * total / sum);
    }
    return total;
  }

  /** A polarity model under training. */
  static final class Polarity {
    final float[] w = new float[SentimentFeatures.DIM];
    double bias;

    double margin(FeatureVector x) {
      double z = bias;
      for (int i = 0; i < x.index().length; i++) {
        z += w[x.index()[i]] * x.value()[i];
      }
      return z;
    }

    /** This polarity with Platt calibration and no stance layer yet. */
    SentimentModel asModel(double[] platt) {
      return new SentimentModel(
          w,
          (float) bias,
          (float) platt[0],
          (float) platt[1],
          new float[3 * (SentimentModel.STANCE_INPUTS.size() + 1)],
          new float[3 * SentimentFeatures.DIM],
          List.of());
    }

    double probability(FeatureVector x, double[] platt) {
      return Platt.sigmoid(platt[0] * margin(x) + platt[1]);
    }
  }

  static Polarity trainPolarity(List<Row> rows) {
    Polarity m = new Polarity();
    float[] g2 = new float[SentimentFeatures.DIM];
    double biasG2 = 0;
    // balance the classes: each class carries the same total weight
    double pos = 0;
    double neg = 0;
    for (Row r : rows) {
      if (r.label() > 0) {
        pos++;
      } else {
        neg++;
      }
    }
    double posScale = (pos + neg) / (2 * Math.max(1, pos));
    double negScale = (pos + neg) / (2 * Math.max(1, neg));
    List<Row> order = new ArrayList<>(rows);
    Random random = new Random(42);
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      Collections.shuffle(order, random);
      for (Row r : order) {
        FeatureVector x = r.x();
        double y = r.label() > 0 ? 1 : 0;
        double p = Platt.sigmoid(m.margin(x));
        double g = (p - y) * (y > 0 ? posScale : negScale);
        int[] idx = x.index();
        float[] val = x.value();
        for (int i = 0; i < idx.length; i++) {
          int j = idx[i];
          double gi = g * val[i] + L2 * m.w[j];
          g2[j] += (float) (gi * gi);
          m.w[j] -= (float) (RATE * gi / Math.sqrt(g2[j] + 1e-8));
        }
        biasG2 += g * g;
        m.bias -= RATE * g / Math.sqrt(biasG2 + 1e-8);
      }
    }
    return m;
  }

  /** Platt scaling: fits p = σ(a·margin + b) on the held-out rows that have a polarity. */
  static double[] platt(Polarity m, List<Row> heldOut) {
    List<Row> polar = heldOut.stream().filter(r -> r.label() != 0).toList();
    if (polar.size() < 20) {
      return new double[] {1, 0};
    }
    double[] margin = new double[polar.size()];
    double[] target = new double[polar.size()];
    for (int i = 0; i < margin.length; i++) {
      margin[i] = m.margin(polar.get(i).x());
      target[i] = polar.get(i).label() > 0 ? 1 : 0;
    }
    return Platt.fit(margin, target, 50, 1e-6, 1e-7);
  }

  /** Stance weights under training: dense cues with biases, and hashed words. */
  record Stance(float[] dense, float[] words) {}

  /**
   * Three-class logistic regression by AdaGrad over the rows' hashed features and their dense cues,
   * each row weighted; L2-regularised (lazily: a weight decays when its feature is seen).
   */
  static Stance trainStance(List<Row> rows, double[][] dense, List<Double> weights) {
    int d = SentimentModel.STANCE_INPUTS.size();
    int width = d + 1;
    float[] v = new float[3 * width];
    float[] w = new float[3 * SentimentFeatures.DIM];
    if (rows.isEmpty()) {
      return new Stance(v, w);
    }
    double[] gv = new double[v.length];
    float[] gw = new float[w.length];
    double mean = weights.stream().mapToDouble(Double::doubleValue).sum() / rows.size();
    Integer[] order = new Integer[rows.size()];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    List<Integer> shuffled = Arrays.asList(order);
    Random random = new Random(11);
    for (int epoch = 0; epoch < STANCE_EPOCHS; epoch++) {
      Collections.shuffle(shuffled, random);
      for (int k : shuffled) {
        Row r = rows.get(k);
        double[] x = dense[k];
        double[] p = SentimentModel.softmax(v, x, w, r.x());
        double rw = weights.get(k) / mean;
        int[] idx = r.x().index();
        float[] val = r.x().value();
        for (int c = 0; c < 3; c++) {
          double err = (p[c] - (r.label() + 1 == c ? 1 : 0)) * rw;
          for (int i = 0; i <= d; i++) {
            int j = c * width + i;
            double g = err * (i < d ? x[i] : 1) + (i < d ? STANCE_L2_DENSE * v[j] : 0);
            gv[j] += g * g;
            v[j] -= (float) (STANCE_RATE * g / Math.sqrt(gv[j] + 1e-8));
          }
          int base = c * SentimentFeatures.DIM;
          for (int i = 0; i < idx.length; i++) {
            int j = base + idx[i];
            double g = err * val[i] + STANCE_L2_WORDS * w[j];
            gw[j] += (float) (g * g);
            w[j] -= (float) (STANCE_RATE * g / Math.sqrt(gw[j] + 1e-8));
          }
        }
      }
    }
    return new Stance(v, w);
  }
}
