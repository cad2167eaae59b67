package dev.yuqing.analysis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The project's own sentiment knowledge: evaluative and handover-complaint words, negators, degree
 * adverbs and sarcasm markers. It scores a segmented text; the trained model decides how much the
 * scores count. Immutable and thread-safe.
 */
final class SentimentLexicon {
  /** Letter formulas that are politeness, not stance: 「感谢您在百忙之中…」「此致敬礼」「谢谢！」. */
  private static final Pattern POLITENESS =
      Regexes.firstChars(
          "非十感谢此敬您你领尊万不为",
          "(非常|十分)?(感谢|谢谢)(您|你|领导|各位领导|政府)?(在)?百忙之中[^，。！？,.!?]*"
              + "|(此致)?敬礼|您好|你好|领导好|尊敬的[^，。：:,]{0,16}[：:，,]"
              + "|(万分|非常|十分)?(感谢|谢谢|感激)(领导|您|你们|政府|各位)?[！!。.～~]*$"
              + "|(不胜|不甚)?感激(不尽)?[！!。.]*$|为盼|为感");

  /** Words every politeness formula contains (a fast first check before the expression). */
  private static final Cues POLITE_HINTS = Cues.of("感谢|谢谢|感激|敬礼|您好|你好|领导好|尊敬的|为盼|为感");

  final Map<String, Double> weights = new HashMap<>();
  final Set<String> negators = new HashSet<>();
  final Map<String, Double> degrees = new HashMap<>();
  final List<String> sarcasm;

  SentimentLexicon() {
    for (String[] row : Resources.rows("sentiment-lexicon.txt")) {
      weights.put(row[0], Double.parseDouble(row[1]));
    }
    for (String[] row : Resources.rows("negators.txt")) {
      negators.add(row[0]);
    }
    for (String[] row : Resources.rows("degree.txt")) {
      degrees.put(row[0], Double.parseDouble(row[1]));
    }
    sarcasm = Resources.rows("sarcasm.txt").stream().map(r -> r[0]).toList();
  }

  /** The text with letter politeness removed, so 「感谢」 in a complaint letter is not praise. */
  static String stripPoliteness(String text) {
    return stripPoliteness(text, politeSpans(text));
  }

  /** The text without the characters marked polite. */
  static String stripPoliteness(String text, boolean[] polite) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (!polite[i]) {
        sb.append(text.charAt(i));
      }
    }
    return sb.toString();
  }

  /** For each character of the text: whether it lies inside a politeness formula. */
  static boolean[] politeSpans(String text) {
    boolean[] polite = new boolean[text.length()];
    if (!POLITE_HINTS.in(text)) {
      return polite;
    }
    java.util.regex.Matcher m = POLITENESS.matcher(text);
    while (m.find()) {
      java.util.Arrays.fill(polite, m.start(), m.end(), true);
    }
    return polite;
  }

  /** What the lexicon finds in a text. */
  record Score(double negative, double positive, boolean sarcasm, int negatedWords) {}

  boolean sarcastic(String text) {
    for (String m : sarcasm) {
      if (text.contains(m)) {
        return true;
      }
    }
    return false;
  }

  /** The weight of a word, also found as the tail or head of a longer token (严重漏水). */
  double weight(String word) {
    Double w = weights.get(word);
    if (w != null) {
      return w;
    }
    if (word.length() >= 3) {
      for (int k = word.length() - 2; k >= 1; k--) {
        Double tail = weights.get(word.substring(k));
        if (tail != null && word.length() - k >= 2) {
          return tail;
        }
      }
      Double head = weights.get(word.substring(0, 2));
      if (head != null) {
        return head;
      }
    }
    return 0;
  }

  /**
   * Sums evaluative weights clause by clause: a negator flips what follows it (negated blame counts
   * half: 「不差」 is not praise), a degree adverb scales the next evaluative word, and in a sarcastic
   * text praise counts as blame.
   */
  Score score(String text, List<Token> tokens) {
    boolean sarcastic = sarcastic(text);
    double neg = 0;
    double pos = 0;
    int negated = 0;
    boolean negate = false;
    int scope = 0;
    double degree = 1;
    for (Token t : tokens) {
      String w = t.word();
      if (t.punctuation()) {
        negate = false;
        degree = 1;
        scope = 0;
        continue;
      }
      if (negators.contains(w)) {
        negate = !negate;
        scope = 3;
        continue;
      }
      Double d = degrees.get(w);
      if (d != null) {
        degree *= d;
        continue;
      }
      double base = weight(w);
      boolean fused = false;
      if (base == 0 && w.length() >= 2 && "不没未无".indexOf(w.charAt(0)) >= 0) {
        // HanLP keeps 「不好」「没用」 as one word: the negator is inside the token
        String rest = w.startsWith("没有") ? w.substring(2) : w.substring(1);
        Double r = rest.isEmpty() ? null : weights.get(rest);
        if (r != null) {
          base = r;
          fused = true;
        }
      }
      double v = base * degree;
      if (fused) {
        negate = !negate;
      }
      if (v != 0) {
        if (negate) {
          negated++;
          v = v > 0 ? -v : -v * 0.5;
        }
        if (sarcastic && v > 0) {
          v = -v;
        }
        if (v > 0) {
          pos += v;
        } else {
          neg -= v;
        }
        negate = false;
        degree = 1;
        scope = 0;
      } else if (scope > 0 && --scope == 0) {
        negate = false;
      }
    }
    return new Score(neg, pos, sarcastic, negated);
  }
}
