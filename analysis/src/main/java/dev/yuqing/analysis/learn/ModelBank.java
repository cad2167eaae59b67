package dev.yuqing.analysis.learn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several {@link PooledLogistic} models that read the same features, scored together: each feature
 * is looked up once for all of them and each part's group sizes are counted once, not once per
 * model. Gives exactly the margins of the models one by one. Immutable and thread-safe.
 */
public final class ModelBank {
  private final int size;
  private final double[] bias;
  private final Map<String, float[]> weights = new HashMap<>();

  public ModelBank(List<PooledLogistic> models) {
    size = models.size();
    bias = new double[size];
    for (int m = 0; m < size; m++) {
      PooledLogistic model = models.get(m);
      bias[m] = model.bias();
      int k = m;
      model.weights().forEach((f, w) -> weights.computeIfAbsent(f, x -> new float[size])[k] = w);
    }
  }

  /**
   * The models' margins of a document and its instances, and each model's best instance.
   *
   * @param margin one per model
   * @param best one per model: its best instance, -1 when none adds evidence
   */
  public record Margins(double[] margin, int[] best) {}

  public Margins margins(List<String> document, List<List<String>> instances) {
    double[] z = score(document);
    int[] best = new int[size];
    java.util.Arrays.fill(best, -1);
    double[] top = new double[size];
    for (int i = 0; i < instances.size(); i++) {
      double[] s = score(instances.get(i));
      for (int m = 0; m < size; m++) {
        if (s[m] > top[m]) {
          top[m] = s[m];
          best[m] = i;
        }
      }
    }
    for (int m = 0; m < size; m++) {
      z[m] += bias[m] + top[m];
    }
    return new Margins(z, best);
  }

  /** Each model's score of one part (see {@link PooledLogistic#score}). */
  private double[] score(List<String> part) {
    List<String> distinct = Groups.distinct(part);
    double[] scale = Groups.scales(distinct);
    double[] z = new double[size];
    for (int i = 0; i < scale.length; i++) {
      float[] w = weights.get(distinct.get(i));
      if (w != null) {
        for (int m = 0; m < size; m++) {
          z[m] += w[m] * scale[i];
        }
      }
    }
    return z;
  }
}
