package dev.yuqing.crawler.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * F1 over character bigrams, the benchmark measure of a body (KEY.md): whitespace removed, bigrams
 * counted as a bag, overlap clipped to the smaller count. Pure functions.
 */
public final class Bigrams {
  /** A body is good at this F1 or above. */
  public static final double GOOD = 0.9;

  private Bigrams() {}

  /** F1 of {@code extracted} against {@code key}; 0 when either has no bigram. */
  public static double f1(String extracted, String key) {
    Map<Integer, Integer> got = bag(extracted);
    Map<Integer, Integer> want = bag(key);
    int gotN = total(got);
    int wantN = total(want);
    if (gotN == 0 || wantN == 0) {
      return 0;
    }
    int overlap = 0;
    for (Map.Entry<Integer, Integer> e : got.entrySet()) {
      overlap += Math.min(e.getValue(), want.getOrDefault(e.getKey(), 0));
    }
    if (overlap == 0) {
      return 0;
    }
    double p = (double) overlap / gotN;
    double r = (double) overlap / wantN;
    return 2 * p * r / (p + r);
  }

  private static Map<Integer, Integer> bag(String s) {
    Map<Integer, Integer> bag = new HashMap<>();
    if (s == null) {
      return bag;
    }
    char prev = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u3000') {
        continue;
      }
      if (prev != 0) {
        bag.merge((prev << 16) | c, 1, Integer::sum);
      }
      prev = c;
    }
    return bag;
  }

  private static int total(Map<Integer, Integer> bag) {
    int n = 0;
    for (int v : bag.values()) {
      n += v;
    }
    return n;
  }
}
