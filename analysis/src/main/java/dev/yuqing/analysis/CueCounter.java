package dev.yuqing.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several sets of literal cue words counted in one pass over a text. For each set the count is what
 * {@link Cues#count} gives: non-overlapping occurrences, the longest cue first. One pass instead of
 * one per set: the sentiment features read a dozen sets in every post. Immutable and thread-safe.
 */
final class CueCounter {
  /** Cue words by their first character, longest first (a plain array, as in {@link Cues}). */
  private final String[][] words = new String[Character.MAX_VALUE + 1][];

  /** For each entry of {@link #words}: the sets the word belongs to, one bit per set. */
  private final int[][] sets = new int[Character.MAX_VALUE + 1][];

  private final int size;

  /** One set per element, each a '|'-separated list of words (at most 32 sets). */
  CueCounter(List<String> alternatives) {
    if (alternatives.size() > Integer.SIZE) {
      throw new IllegalArgumentException("at most 32 sets: " + alternatives.size());
    }
    this.size = alternatives.size();
    Map<String, Integer> masks = new HashMap<>();
    for (int s = 0; s < size; s++) {
      for (String w : alternatives.get(s).split("\\|")) {
        if (!w.isEmpty()) {
          masks.merge(w, 1 << s, (a, b) -> a | b);
        }
      }
    }
    Map<Character, List<String>> byFirst = new HashMap<>();
    masks
        .keySet()
        .forEach(w -> byFirst.computeIfAbsent(w.charAt(0), k -> new ArrayList<>()).add(w));
    byFirst.forEach(
        (c, list) -> {
          list.sort((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b));
          words[c] = list.toArray(String[]::new);
          sets[c] = list.stream().mapToInt(masks::get).toArray();
        });
  }

  /** The count of each set in {@code text}, in the order the sets were given. */
  int[] count(String text) {
    int[] counts = new int[size];
    int[] next = new int[size];
    for (int i = 0; i < text.length(); i++) {
      String[] candidates = words[text.charAt(i)];
      if (candidates == null) {
        continue;
      }
      int[] masks = sets[text.charAt(i)];
      int decided = 0; // sets whose longest cue at i has been seen
      for (int k = 0; k < candidates.length; k++) {
        int open = masks[k] & ~decided;
        if (open == 0 || !text.startsWith(candidates[k], i)) {
          continue;
        }
        decided |= open;
        for (int m = open; m != 0; m &= m - 1) {
          int s = Integer.numberOfTrailingZeros(m);
          if (i >= next[s]) {
            counts[s]++;
            next[s] = i + candidates[k].length();
          }
        }
      }
    }
    return counts;
  }
}
