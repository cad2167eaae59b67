package dev.yuqing.analysis.learn;

import java.util.List;

/**
 * What each feature of a part counts: 1/sqrt(n) for the n features of its group, the group being
 * the name up to its first '|' (words, cues and the text's form are normalised apart). Works on the
 * first characters of each name, without cutting strings: the tagger does this for every word.
 */
final class Groups {
  private Groups() {}

  /** The features without repeats, in order; the list itself when it has none (the usual case). */
  static List<String> distinct(List<String> features) {
    java.util.Set<String> seen = new java.util.HashSet<>(features.size() * 2);
    for (String f : features) {
      if (!seen.add(f)) {
        return List.copyOf(new java.util.LinkedHashSet<>(features));
      }
    }
    return features;
  }

  /** The scale of each feature of {@code distinct} (features without repeats), in order. */
  static double[] scales(List<String> distinct) {
    int n = distinct.size();
    long[] key = new long[n];
    long[] keys = new long[8];
    int[] counts = new int[8];
    int groups = 0;
    int[] slot = new int[n];
    for (int i = 0; i < n; i++) {
      long k = key(distinct.get(i));
      key[i] = k;
      int s = 0;
      while (s < groups && keys[s] != k) {
        s++;
      }
      if (s == groups) {
        if (groups == keys.length) {
          keys = java.util.Arrays.copyOf(keys, groups * 2);
          counts = java.util.Arrays.copyOf(counts, groups * 2);
        }
        keys[groups++] = k;
      }
      counts[s]++;
      slot[i] = s;
    }
    double[] scale = new double[n];
    for (int i = 0; i < n; i++) {
      scale[i] = 1 / Math.sqrt(counts[slot[i]]);
    }
    return scale;
  }

  /** A feature's group as a number: its characters before the first '|'. */
  static long key(String feature) {
    long k = 1;
    for (int i = 0; i < feature.length(); i++) {
      char c = feature.charAt(i);
      if (c == '|') {
        break;
      }
      k = k * 65_537 + c;
    }
    return k;
  }
}
