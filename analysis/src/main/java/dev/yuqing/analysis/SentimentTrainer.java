package dev.yuqing.analysis;

import dev.yuqing.analysis.Corpora.Example;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * Trains {@link SentimentModel}: polarity by logistic regression with AdaGrad over hashed features
 * of every negative and positive example, Platt calibration on a slice held out of polarity
 * training, and the neutral gate on the project's handover examples (whose polarity confidence is
 * taken from models that did not see them, by two-fold cross-fitting) plus held-out reviews as
 * examples of texts that do take a stance. Deterministic for the same input.
 */
public final class SentimentTrainer {
  /** How much one handover example counts against one review sentence in polarity training. */
  static final float HANDOVER_WEIGHT = 40f;

  /**
   * Share of positive posts a handover watch sees: mostly complaints and news, little praise (an
   * assumption from the domain, DOMAIN.md, not measured on the gold).
   */
  static final double POSITIVE_PRIOR = 0.15;

  private static final int EPOCHS = 5;
  private static final double RATE = 0.2;
  private static final double L2 = 1e-6;

  private final SentimentFeatures features;
  private final Segmenter segmenter;

  public SentimentTrainer() {
    this.segmenter = Segmenter.create();
    this.features = new SentimentFeatures(new SentimentLexicon());
  }

  /** A featurised example. */
  record Row(FeatureVector x, int label, float weight, boolean handover, int hash) {}

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
              rows[i] =
                  new Row(x, e.label(), handover ? HANDOVER_WEIGHT : 1f, handover, n.hashCode());
            });
    return Arrays.asList(rows);
  }

  /** Trains on featurised rows; {@code manifest} records what they came from. */
  public SentimentModel train(List<Row> rows, List<SentimentModel.TrainingSource> manifest) {
    IntPredicate calibration =
        i -> !rows.get(i).handover() && Math.floorMod(rows.get(i).hash(), 20) == 0;
    // polarity on everything but the calibration slice
    List<Row> handover = new ArrayList<>();
    List<Row> polarityRows = new ArrayList<>();
    List<Row> heldOut = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      if (r.handover()) {
        handover.add(r);
      }
      if (calibration.test(i)) {
        heldOut.add(r);
      } else if (r.label() != 0) {
        polarityRows.add(r);
      }
    }
    Polarity full = trainPolarity(polarityRows);
    double[] platt = platt(full, heldOut);

    // stance layer: the polarity of each handover example from a model that did not see it
    double[][] handoverInput = new double[handover.size()][];
    for (int fold = 0; fold < 2; fold++) {
      List<Row> train = new ArrayList<>();
      for (Row r : polarityRows) {
        if (!r.handover() || Math.floorMod(r.hash(), 2) != fold) {
          train.add(r);
        }
      }
      SentimentModel p = trainPolarity(train).asModel(platt);
      for (int i = 0; i < handover.size(); i++) {
        Row r = handover.get(i);
        if (Math.floorMod(r.hash(), 2) == fold) {
          handoverInput[i] = p.stanceInput(r.x());
        }
      }
    }
    List<double[]> sx = new ArrayList<>();
    List<Integer> sy = new ArrayList<>();
    List<Double> sw = new ArrayList<>();
    int[] perClass = new int[3];
    for (Row r : handover) {
      perClass[r.label() + 1]++;
    }
    double handoverTotal = 0;
    for (int i = 0; i < handover.size(); i++) {
      Row r = handover.get(i);
      sx.add(handoverInput[i]);
      sy.add(r.label() + 1);
      // soften the class imbalance of the examples (square-root balancing)
      double w = Math.sqrt((double) handover.size() / (3.0 * Math.max(1, perClass[r.label() + 1])));
      sw.add(w);
      handoverTotal += w;
    }
    // held-out reviews (never in polarity training) show texts that do take a stance, weighing as
    // much as the handover examples in all
    List<Row> reviews = new ArrayList<>();
    for (Row r : heldOut) {
      if (r.label() != 0) {
        reviews.add(r);
      }
    }
    Collections.shuffle(reviews, new Random(7));
    SentimentModel fullModel = full.asModel(platt);
    List<Row> sample = reviews.subList(0, Math.min(4000, reviews.size()));
    for (Row r : sample) {
      sx.add(fullModel.stanceInput(r.x()));
      sy.add(r.label() + 1);
      sw.add(Math.max(1, handoverTotal) / sample.size());
    }
    float[] stance = trainStance(sx, sy, sw);
    // the stance layer learnt from (softly) balanced classes, where praise is far more common than
    // in what a handover watch sees: shift the positive bias to that prior (Bayes' rule)
    double positive = 0;
    double all = 0;
    for (int k = 0; k < sy.size(); k++) {
      all += sw.get(k);
      positive += sy.get(k) == 2 ? sw.get(k) : 0;
    }
    int width = SentimentFeatures.STANCE_CUES.size() + 1;
    stance[3 * width - 1] += (float) Math.log(POSITIVE_PRIOR / (positive / all));
    return new SentimentModel(
        full.w,
        (float) full.bias,
        (float) platt[0],
        (float) platt[1],
        stance,
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

  /**
   * L2-regularised softmax regression by gradient descent over the dense stance cues; weights per
   * class (negative, neutral, positive), each followed by its bias.
   */
  static float[] trainStance(List<double[]> xs, List<Integer> ys, List<Double> ws) {
    int d = SentimentFeatures.STANCE_CUES.size();
    int width = d + 1;
    double[] w = new double[3 * width];
    if (xs.isEmpty()) {
      return new float[3 * width];
    }
    double total = ws.stream().mapToDouble(Double::doubleValue).sum();
    double lambda = 0.003;
    float[] asFloat = new float[w.length];
    for (int it = 0; it < 4000; it++) {
      double[] g = new double[w.length];
      for (int i = 0; i < w.length; i++) {
        asFloat[i] = (float) w[i];
      }
      for (int k = 0; k < xs.size(); k++) {
        double[] x = xs.get(k);
        double[] p = SentimentModel.softmax(asFloat, x);
        double weight = ws.get(k) / total;
        for (int c = 0; c < 3; c++) {
          double err = (p[c] - (ys.get(k) == c ? 1 : 0)) * weight;
          for (int i = 0; i < d; i++) {
            g[c * width + i] += err * x[i];
          }
          g[c * width + d] += err;
        }
      }
      for (int c = 0; c < 3; c++) {
        for (int i = 0; i < d; i++) {
          w[c * width + i] -= 0.5 * (g[c * width + i] + lambda * w[c * width + i]);
        }
        w[c * width + d] -= 0.5 * g[c * width + d];
      }
    }
    for (int i = 0; i < w.length; i++) {
      asFloat[i] = (float) w[i];
    }
    return asFloat;
  }
}
