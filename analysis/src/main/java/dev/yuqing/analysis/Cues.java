package dev.yuqing.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of literal cue words, found in a text in one pass (words are indexed by their first
 * character), instead of a regular expression of alternatives, which tries every alternative at
 * every position. Immutable and thread-safe.
 */
final class Cues {
  /** Cue words by their first character (a plain array: a map lookup per character is slow). */
  private final String[][] byFirst = new String[Character.MAX_VALUE + 1][];

  Cues(String... words) {
    Map<Character, List<String>> m = new HashMap<>();
    for (String w : words) {
      if (!w.isEmpty()) {
        m.computeIfAbsent(w.charAt(0), k -> new ArrayList<>()).add(w);
      }
    }
    // longest first, so the longest cue at a position wins
    m.forEach(
        (c, list) -> {
          list.sort((a, b) -> b.length() - a.length());
          byFirst[c] = list.toArray(String[]::new);
        });
  }

  /** Cues from a '|'-separated list. */
  static Cues of(String alternatives) {
    return new Cues(alternatives.split("\\|"));
  }

  /** The cue starting at {@code i}, longest first, or null. */
  String at(String text, int i) {
    String[] candidates = byFirst[text.charAt(i)];
    if (candidates != null) {
      for (String w : candidates) {
        if (text.startsWith(w, i)) {
          return w;
        }
      }
    }
    return null;
  }

  /** Non-overlapping occurrences of cues in the text. */
  int count(String text) {
    int n = 0;
    int i = 0;
    while (i < text.length()) {
      String w = at(text, i);
      if (w != null) {
        n++;
        i += w.length();
      } else {
        i++;
      }
    }
    return n;
  }

  /** True when any cue occurs in the text. */
  boolean in(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (at(text, i) != null) {
        return true;
      }
    }
    return false;
  }
}
