package dev.yuqing.analysis;

import dev.yuqing.analysis.Corpora.Example;
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
  /**
   * Share of positive posts a handover watch sees: mostly complaints and news, little praise (an
   * assumption from the domain, DOMAIN.md, not measured on the gold).
   */
  static final double POSITIVE_PRIOR = 0.08;

  /** Held-out reviews shown to the stance layer. */
  static final int REVIEW_SAMPLE = 4000;

  /** Weight of all sampled reviews together against all handover messages together. */
  static final double REVIEW_SHARE = 0.5;

  /** Every {@code CALIBRATION}-th review (by text hash) is held out of polarity training. */
  static final int CALIBRATION = 20;

  private static final int EPOCHS = 5;
  private static final double RATE = 0.2;
  private static final double L2 = 1e-6;

  // stance layer: AdaGrad over hashed words and the dense cues; words are regularised harder
  // than cues, since a few hundred messages cannot pin down thousands of word weights
  private static final int STANCE_EPOCHS = 20;
  private static final double STANCE_RATE = 0.1;
  private static final double STANCE_L2_WORDS = 3e-4;
  private static final double STANCE_L2_DENSE = 1e-4;

  private final SentimentFeatures features;
  private final Segmenter segmenter;

  public SentimentTrainer() {
    this.segmenter = Segmenter.create();
    this.features = new SentimentFeatures(new SentimentLexicon());
  }

  /** A featurised example. */
  record Row(FeatureVector x, int label, float weight, boolean handover, int hash) {}

  /** The hash that decides whether a text is in the calibration slice. */
  static int textHash(String text) {
    return TextNormalizer.normalize(text).hashCode();
  }

  /** True when a review (by its {@link #textHash}) is held out of polarity training. */
  static boolean calibration(int hash) {
    return Math.floorMod(hash, CALIBRATION) == 0;
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
              boolean handover = e.source().equals(Corpora.HANDOVER);
              rows[i] = new Row(x, e.label(), 1f, handover, n.hashCode());
            });
    return Arrays.asList(rows);
  }

  /** Trains on featurised rows; {@code manifest} records what they came from. */
  public SentimentModel train(List<Row> rows, List<SentimentModel.TrainingSource> manifest) {
    List<Row> handover = new ArrayList<>();
    List<Row> polarityRows = new ArrayList<>();
    List<Row> heldOut = new ArrayList<>();
    for (Row r : rows) {
      if (r.handover()) {
        handover.add(r);
      } else if (calibration(r.hash())) {
        heldOut.add(r);
      } else if (r.label() != 0) {
        polarityRows.add(r);
      }
    }
    Polarity full = trainPolarity(polarityRows);
    SentimentModel polarity = full.asModel(platt(full, heldOut));
    return withStance(polarity, handover, heldOut, manifest);
  }

  /**
   * The polarity of {@code polarity} with a stance layer trained on these handover messages and a
   * sample of these reviews (which {@code polarity} must not have been trained on).
   */
  SentimentModel withStance(
      SentimentModel polarity,
      List<Row> handover,
      List<Row> heldOutReviews,
      List<SentimentModel.TrainingSource> manifest) {
    List<Row> sx = new ArrayList<>();
    List<Double> sw = new ArrayList<>();
    int[] perClass = new int[3];
    for (Row r : handover) {
      perClass[r.label() + 1]++;
    }
    double handoverTotal = 0;
    for (Row r : handover) {
      sx.add(r);
      // soften the class imbalance of the messages (square-root balancing)
      double w = Math.sqrt((double) handover.size() / (3.0 * Math.max(1, perClass[r.label() + 1])));
      sw.add(w);
      handoverTotal += w;
    }
    List<Row> reviews = new ArrayList<>();
    for (Row r : heldOutReviews) {
      if (r.label() != 0) {
        reviews.add(r);
      }
    }
    // a fixed order before sampling, whatever order the rows came in
    reviews.sort(java.util.Comparator.comparingInt(Row::hash).thenComparingInt(Row::label));
    Collections.shuffle(reviews, new Random(7));
    List<Row> sample = reviews.subList(0, Math.min(REVIEW_SAMPLE, reviews.size()));
    for (Row r : sample) {
      sx.add(r);
      sw.add(Math.max(1, handoverTotal) * REVIEW_SHARE / sample.size());
    }
    double[][] dense = new double[sx.size()][];
    for (int k = 0; k < sx.size(); k++) {
      dense[k] = polarity.stanceInput(sx.get(k).x());
    }
    Stance stance = trainStance(sx, dense, sw);
    // the stance layer learnt from (softly) balanced handover messages, where praise is far more
    // common than in what a handover watch sees: for texts of the domain, shift the positive score
    // to that prior (Bayes' rule). Reviews keep their own balance: the shift rides on the inDomain
    // cue, which no review carries unless it speaks of estates or officials.
    double positive = 0;
    double all = 0;
    for (int k = 0; k < sx.size(); k++) {
      if (sx.get(k).handover()) {
        all += sw.get(k);
        positive += sx.get(k).label() > 0 ? sw.get(k) : 0;
      }
    }
    int width = SentimentFeatures.STANCE_CUES.size() + 1;
    int inDomain = SentimentFeatures.STANCE_CUES.indexOf("inDomain");
    if (positive > 0 && POSITIVE_PRIOR > 0) {
      stance.dense[2 * width + inDomain] += (float) Math.log(POSITIVE_PRIOR / (positive / all));
    }
    return new SentimentModel(
        polarity.weights(),
        polarity.bias(),
        polarity.plattA(),
        polarity.plattB(),
        stance.dense,
        stance.words,
        List.copyOf(manifest));
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
          new float[3 * (SentimentFeatures.STANCE_CUES.size() + 1)],
          new float[3 * SentimentFeatures.DIM],
          List.of());
    }

    double probability(FeatureVector x, double[] platt) {
      return SentimentModel.sigmoid(platt[0] * margin(x) + platt[1]);
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
        pos += r.weight();
      } else {
        neg += r.weight();
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
        double p = SentimentModel.sigmoid(m.margin(x));
        double g = (p - y) * r.weight() * (y > 0 ? posScale : negScale);
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

  /** Platt scaling: fits p = σ(a·margin + b) on held-out rows by Newton's method. */
  static double[] platt(Polarity m, List<Row> heldOut) {
    List<double[]> pts = new ArrayList<>();
    for (Row r : heldOut) {
      if (r.label() != 0) {
        pts.add(new double[] {m.margin(r.x()), r.label() > 0 ? 1 : 0});
      }
    }
    double a = 1;
    double b = 0;
    if (pts.size() < 20) {
      return new double[] {a, b};
    }
    for (int it = 0; it < 50; it++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-6;
      double hab = 0;
      double hbb = 1e-6;
      for (double[] p : pts) {
        double q = SentimentModel.sigmoid(a * p[0] + b);
        double d = q - p[1];
        double s = q * (1 - q);
        ga += d * p[0];
        gb += d;
        haa += s * p[0] * p[0];
        hab += s * p[0];
        hbb += s;
      }
      double det = haa * hbb - hab * hab;
      if (Math.abs(det) < 1e-12) {
        break;
      }
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      a -= da;
      b -= db;
      if (Math.abs(da) + Math.abs(db) < 1e-7) {
        break;
      }
    }
    return new double[] {a, b};
  }

  /** Stance weights under training: dense cues with biases, and hashed words. */
  record Stance(float[] dense, float[] words) {}

  /**
   * Three-class logistic regression by AdaGrad over the rows' hashed features and their dense cues,
   * each row weighted; L2-regularised (lazily: a weight decays when its feature is seen).
   */
  static Stance trainStance(List<Row> rows, double[][] dense, List<Double> weights) {
    int d = SentimentFeatures.STANCE_CUES.size();
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
