package dev.yuqing.analysis.learn;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PooledLogistic} with calibrated probabilities (Platt scaling fitted on out-of-fold
 * margins) and a threshold chosen on those out-of-fold probabilities, so that neither the
 * calibration nor the threshold comes from examples the model was fitted on.
 *
 * @param model the weights, trained on all examples
 * @param plattA Platt scale
 * @param plattB Platt offset
 * @param threshold the probability at which the signal fires
 */
public record BinaryClassifier(
    PooledLogistic model, double plattA, double plattB, double threshold) {

  public double probability(double margin) {
    return 1 / (1 + Math.exp(-(plattA * margin + plattB)));
  }

  /**
   * How the threshold is chosen on out-of-fold probabilities.
   *
   * @param precisionAtLeastRecall only thresholds whose precision is at least their recall qualify
   *     (signals that page people); among those the best F1 wins
   */
  public record ThresholdRule(boolean precisionAtLeastRecall) {
    public static final ThresholdRule PRECISION_FIRST = new ThresholdRule(true);
    public static final ThresholdRule BEST_F1 = new ThresholdRule(false);
  }

  /**
   * Fits a classifier: {@code folds}-fold cross-validation over {@code natural} (with {@code
   * written} always in training) gives out-of-fold margins, on which Platt scaling and the
   * threshold are fitted; the weights are then trained on everything.
   *
   * @param natural labelled examples as they occur (the gold): calibration and threshold come from
   *     them
   * @param written examples the project wrote: always trained on, never used to calibrate
   */
  public static BinaryClassifier fit(
      List<Example> natural,
      List<Example> written,
      PooledLogistic.Options options,
      int folds,
      ThresholdRule rule) {
    double[] oof = outOfFoldMargins(natural, written, options, folds);
    boolean[] y = new boolean[natural.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = natural.get(i).positive();
    }
    double[] platt = platt(oof, y);
    double[] p = new double[oof.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = 1 / (1 + Math.exp(-(platt[0] * oof[i] + platt[1])));
    }
    double threshold = threshold(p, y, rule);
    List<Example> all = new ArrayList<>(natural);
    all.addAll(written);
    return new BinaryClassifier(PooledLogistic.train(all, options), platt[0], platt[1], threshold);
  }

  /** Each natural example's margin from a model trained without its fold. */
  static double[] outOfFoldMargins(
      List<Example> natural, List<Example> written, PooledLogistic.Options options, int folds) {
    int[] fold = Folds.stratified(natural.stream().map(Example::positive).toList(), folds);
    double[] oof = new double[natural.size()];
    for (int f = 0; f < folds; f++) {
      List<Example> train = Folds.select(natural, fold, f, false);
      train.addAll(written);
      PooledLogistic m = PooledLogistic.train(train, options);
      for (int i = 0; i < oof.length; i++) {
        if (fold[i] == f) {
          oof[i] = m.margin(natural.get(i));
        }
      }
    }
    return oof;
  }

  /** Platt's sigmoid fit, with his smoothed targets. */
  static double[] platt(double[] margin, boolean[] y) {
    int pos = 0;
    for (boolean b : y) {
      pos += b ? 1 : 0;
    }
    int neg = y.length - pos;
    double hi = (pos + 1.0) / (pos + 2.0);
    double lo = 1.0 / (neg + 2.0);
    double[] target = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      target[i] = y[i] ? hi : lo;
    }
    double[] ab = Platt.fit(margin, target, 100, 1e-9, 1e-9);
    double a = ab[0];
    double b = ab[1];
    if (!(a > 0) || Double.isNaN(b)) {
      // a degenerate fold set (no positives): keep the margins' own scale
      return new double[] {1, 0};
    }
    return new double[] {a, b};
  }

  /** The threshold on probabilities the rule prefers (the midpoint between two scores). */
  static double threshold(double[] p, boolean[] y, ThresholdRule rule) {
    Integer[] order = new Integer[p.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (i, j) -> Double.compare(p[j], p[i]));
    int positives = 0;
    for (boolean b : y) {
      positives += b ? 1 : 0;
    }
    double bestF = -1;
    double best = 0.5;
    int tp = 0;
    for (int k = 0; k < order.length; k++) {
      tp += y[order[k]] ? 1 : 0;
      if (k + 1 < order.length && p[order[k + 1]] == p[order[k]]) {
        continue;
      }
      int predicted = k + 1;
      double precision = tp / (double) predicted;
      double recall = positives == 0 ? 1 : tp / (double) positives;
      double f = tp == 0 ? 0 : 2 * precision * recall / (precision + recall);
      if (rule.precisionAtLeastRecall() && precision < recall) {
        continue;
      }
      if (f > bestF) {
        bestF = f;
        double next = k + 1 < order.length ? p[order[k + 1]] : 0;
        best = (p[order[k]] + next) / 2;
      }
    }
    return best;
  }
}
