package dev.yuqing.analysis.learn;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A logistic regression over named binary features in two parts: the document's features, and a bag
 * of instances (e.g. the sentences of a message that name an act) of which only the best one
 * counts, and only when it adds evidence:
 *
 * <pre>margin = bias + doc·w / sqrt(|doc|) + max(0, max_i inst_i·w / sqrt(|inst_i|))</pre>
 *
 * <p>So the model learns what a sentence that carries a signal looks like and can name that
 * sentence, while the document's features say what kind of text it is. Each feature counts
 * 1/sqrt(n) for the n known features of its group in its part, so a part's score does not grow with
 * the number of its (highly correlated) features. Immutable and thread-safe.
 */
public final class PooledLogistic {
  private final Map<String, Float> weights;
  private final double bias;

  public PooledLogistic(Map<String, Float> weights, double bias) {
    this.weights = Map.copyOf(weights);
    this.bias = bias;
  }

  public double bias() {
    return bias;
  }

  /** The learned weights by feature name (features not kept in training are absent). */
  public Map<String, Float> weights() {
    return weights;
  }

  /**
   * A part's score: its features' weights, each counted 1/sqrt(n) for the n features of its group
   * in the part (the name up to its first '|': words, cues and the text's form are normalised
   * apart, so that a long text's many words do not drown its few cues). Features unknown to the
   * model count in n but add nothing.
   */
  public double score(List<String> features) {
    List<String> distinct = Groups.distinct(features);
    double[] scale = Groups.scales(distinct);
    double z = 0;
    for (int i = 0; i < scale.length; i++) {
      Float w = weights.get(distinct.get(i));
      if (w != null) {
        z += w * scale[i];
      }
    }
    return z;
  }

  /** The index of the best instance, or -1 when none adds evidence (scores above zero). */
  public int best(List<List<String>> instances) {
    int best = -1;
    double top = 0;
    for (int i = 0; i < instances.size(); i++) {
      double z = score(instances.get(i));
      if (z > top) {
        top = z;
        best = i;
      }
    }
    return best;
  }

  /** The margin of a document and its instances. */
  public double margin(List<String> document, List<List<String>> instances) {
    int best = best(instances);
    return bias + score(document) + (best < 0 ? 0 : score(instances.get(best)));
  }

  public double margin(Example e) {
    return margin(e.document(), e.instances());
  }

  /**
   * Training options.
   *
   * @param epochs passes over the data
   * @param rate AdaGrad's base learning rate
   * @param l2 L2 penalty per update on the weights an update touches
   * @param positiveWeight how much more a positive example's loss counts (rare signals)
   * @param minCount features seen in fewer training examples are dropped
   * @param seed shuffling seed (training is deterministic)
   * @param runs how many runs, each shuffled by its own seed from {@code seed} on, are averaged:
   *     the few positives of a rare signal make one run's weights depend on the order it met them
   *     in
   */
  public record Options(
      int epochs,
      double rate,
      double l2,
      double positiveWeight,
      int minCount,
      long seed,
      int runs) {
    public static final Options DEFAULT = new Options(30, 0.1, 1e-2, 1, 2, 7, 1);

    public Options {
      if (runs < 1) {
        throw new IllegalArgumentException("runs must be at least 1, was " + runs);
      }
    }

    public Options withRuns(int v) {
      return new Options(epochs, rate, l2, positiveWeight, minCount, seed, v);
    }

    public Options withPositiveWeight(double w) {
      return new Options(epochs, rate, l2, w, minCount, seed, runs);
    }

    public Options withL2(double v) {
      return new Options(epochs, rate, v, positiveWeight, minCount, seed, runs);
    }

    public Options withMinCount(int v) {
      return new Options(epochs, rate, l2, positiveWeight, v, seed, runs);
    }

    public Options withRate(double v) {
      return new Options(epochs, v, l2, positiveWeight, minCount, seed, runs);
    }

    public Options withEpochs(int v) {
      return new Options(v, rate, l2, positiveWeight, minCount, seed, runs);
    }
  }

  /** A part as feature indices and what each counts (1/sqrt(n) of its group). */
  private record Part(int[] features, double[] values) {
    double score(double[] w) {
      double z = 0;
      for (int i = 0; i < features.length; i++) {
        z += w[features[i]] * values[i];
      }
      return z;
    }
  }

  /** Trains on the examples: the average of {@code o.runs()} runs (see {@link Options}). */
  public static PooledLogistic train(List<Example> examples, Options o) {
    Encoded enc = encode(examples, o.minCount());
    if (o.runs() == 1) {
      return trainOnce(examples, enc, o.seed(), o);
    }
    Map<String, Float> sum = new HashMap<>();
    double bias = 0;
    for (int r = 0; r < o.runs(); r++) {
      PooledLogistic m = trainOnce(examples, enc, o.seed() + r, o);
      m.weights.forEach((f, w) -> sum.merge(f, w / o.runs(), Float::sum));
      bias += m.bias / o.runs();
    }
    return new PooledLogistic(sum, bias);
  }

  /**
   * The examples as feature indices, the same for every run: {@code docs[n]} and {@code bags[n]}
   * are example {@code n}'s document and instances, {@code index} each kept feature's index.
   */
  private record Encoded(Map<String, Integer> index, Part[] docs, Part[][] bags) {}

  /** Features are indexed in the order first seen, so results repeat. */
  private static Encoded encode(List<Example> examples, int minCount) {
    Map<String, Integer> df = new HashMap<>();
    for (Example e : examples) {
      java.util.Set<String> seen = new java.util.HashSet<>(e.document());
      e.instances().forEach(seen::addAll);
      seen.forEach(f -> df.merge(f, 1, Integer::sum));
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    Part[] docs = new Part[examples.size()];
    Part[][] bags = new Part[examples.size()][];
    for (int n = 0; n < examples.size(); n++) {
      Example e = examples.get(n);
      docs[n] = part(e.document(), df, index, minCount);
      bags[n] = new Part[e.instances().size()];
      for (int i = 0; i < bags[n].length; i++) {
        bags[n][i] = part(e.instances().get(i), df, index, minCount);
      }
    }
    return new Encoded(index, docs, bags);
  }

  /** One run, its examples shuffled by {@code seed}. */
  private static PooledLogistic trainOnce(
      List<Example> examples, Encoded enc, long seed, Options o) {
    Map<String, Integer> index = enc.index();
    Part[] docs = enc.docs();
    Part[][] bags = enc.bags();
    double[] w = new double[index.size()];
    double[] g2 = new double[index.size()];
    double b = 0;
    double bg2 = 0;
    int[] order = new int[examples.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random rnd = new Random(seed);
    for (int epoch = 0; epoch < o.epochs(); epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int n : order) {
        boolean y = examples.get(n).positive();
        Part[] bag = bags[n];
        int best = -1;
        double top = 0;
        for (int i = 0; i < bag.length; i++) {
          double z = bag[i].score(w);
          // a positive bag's best sentence is its witness even below zero: one pushed down early
          // on by a negative would otherwise never be raised again
          if (z > top || (y && (best < 0 || z > bag[best].score(w)))) {
            top = Math.max(top, z);
            best = i;
          }
        }
        double pooled = best < 0 ? 0 : Math.max(0, bag[best].score(w));
        double margin = b + docs[n].score(w) + pooled;
        double p = 1 / (1 + Math.exp(-margin));
        double g = (p - (y ? 1 : 0)) * (y ? o.positiveWeight() : 1);
        bg2 += g * g;
        b -= o.rate() * g / Math.sqrt(bg2 + 1e-8);
        update(docs[n], g, w, g2, o);
        if (best >= 0 && (y || bag[best].score(w) > 0)) {
          update(bag[best], g, w, g2, o);
        }
      }
    }
    Map<String, Float> out = new HashMap<>();
    index.forEach((f, i) -> out.put(f, (float) w[i]));
    return new PooledLogistic(out, b);
  }

  private static Part part(
      List<String> names, Map<String, Integer> df, Map<String, Integer> index, int minCount) {
    List<String> distinct = names.stream().distinct().toList();
    double[] scale = Groups.scales(distinct);
    int kept = 0;
    int[] f = new int[distinct.size()];
    double[] v = new double[distinct.size()];
    for (int i = 0; i < distinct.size(); i++) {
      String x = distinct.get(i);
      if (df.get(x) >= minCount) {
        f[kept] = index.computeIfAbsent(x, k -> index.size());
        v[kept++] = scale[i];
      }
    }
    return new Part(java.util.Arrays.copyOf(f, kept), java.util.Arrays.copyOf(v, kept));
  }

  private static void update(Part part, double g, double[] w, double[] g2, Options o) {
    int[] f = part.features();
    for (int i = 0; i < f.length; i++) {
      double gf = g * part.values()[i] + o.l2() * w[f[i]];
      g2[f[i]] += gf * gf;
      w[f[i]] -= o.rate() * gf / Math.sqrt(g2[f[i]] + 1e-8);
    }
  }
}
