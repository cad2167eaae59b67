package dev.yuqing.analysis.learn;

import java.util.Locale;

/**
 * True/false positives and negatives of one binary decision, with the usual figures.
 *
 * @param tp true positives
 * @param fp false positives
 * @param fn false negatives
 * @param tn true negatives
 */
public record BinaryCounts(int tp, int fp, int fn, int tn) {
  public static final BinaryCounts ZERO = new BinaryCounts(0, 0, 0, 0);

  /** These counts with one more decision added. */
  public BinaryCounts add(boolean gold, boolean predicted) {
    if (gold) {
      return predicted
          ? new BinaryCounts(tp + 1, fp, fn, tn)
          : new BinaryCounts(tp, fp, fn + 1, tn);
    }
    return predicted ? new BinaryCounts(tp, fp + 1, fn, tn) : new BinaryCounts(tp, fp, fn, tn + 1);
  }

  public BinaryCounts plus(BinaryCounts o) {
    return new BinaryCounts(tp + o.tp, fp + o.fp, fn + o.fn, tn + o.tn);
  }

  /** Precision; 1 when nothing was predicted positive (no false alarm was raised). */
  public double precision() {
    return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
  }

  /** Recall; 1 when there was nothing to find. */
  public double recall() {
    return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
  }

  public double f1() {
    return tp == 0 ? (fp + fn == 0 ? 1 : 0) : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  /** Cohen's kappa of the decisions against the gold. */
  public double kappa() {
    double n = tp + fp + fn + tn;
    if (n == 0) {
      return 1;
    }
    double observed = (tp + tn) / n;
    double expected = ((tp + fp) / n) * ((tp + fn) / n) + ((fn + tn) / n) * ((fp + tn) / n);
    return expected == 1 ? 1 : (observed - expected) / (1 - expected);
  }

  /** "precision 0.900 recall 0.850 F1 0.874 (tp 17 fp 2 fn 3)". */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "precision %.3f recall %.3f F1 %.3f κ %.2f (tp %d fp %d fn %d)",
        precision(),
        recall(),
        f1(),
        kappa(),
        tp,
        fp,
        fn);
  }
}
