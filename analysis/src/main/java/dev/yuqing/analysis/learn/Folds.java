package dev.yuqing.analysis.learn;

import java.util.ArrayList;
import java.util.List;

/**
 * Fold assignment for k-fold cross-validation: stratified by label, so that a rare signal's few
 * positives spread over every fold; deterministic (the i-th positive goes to fold i mod k, and so
 * for negatives).
 */
public final class Folds {
  private Folds() {}

  /** The fold of each example. */
  public static int[] stratified(List<Boolean> labels, int k) {
    int[] fold = new int[labels.size()];
    int pos = 0;
    int neg = 0;
    for (int i = 0; i < fold.length; i++) {
      fold[i] = labels.get(i) ? pos++ % k : neg++ % k;
    }
    return fold;
  }

  /** The items whose fold is (or, with {@code in} false, is not) {@code f}. */
  public static <T> List<T> select(List<T> items, int[] fold, int f, boolean in) {
    List<T> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if ((fold[i] == f) == in) {
        out.add(items.get(i));
      }
    }
    return out;
  }
}
