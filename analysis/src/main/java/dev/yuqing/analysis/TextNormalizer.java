package dev.yuqing.analysis;

import com.hankcs.hanlp.HanLP;
import java.util.Locale;

/**
 * Brings text to the one form analysis reads: simplified characters, half-width Latin letters,
 * digits and punctuation, lower-case Latin. Pure and thread-safe.
 */
public final class TextNormalizer {
  // Characters that differ from HanLP's simplified output but are themselves ordinary simplified
  // characters (乾城 is an estate name, 著名 is simplified): they must not make a text look
  // traditional, or the conversion would rewrite them.
  private static final String AMBIGUOUS = "乾著于余台丑谷面后里么只发干斗范系松借占咸";

  private TextNormalizer() {}

  /** The normalised text; null gives "". */
  public static String normalize(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String s = toSimplified(text);
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u3000') {
        c = ' ';
      } else if (c >= '\uFF01' && c <= '\uFF5E') {
        char half = (char) (c - 0xFEE0);
        // keep Chinese full-width punctuation (，！？：；（）) that segmentation and signals read;
        // only letters and digits are folded
        if (Character.isLetterOrDigit(half)) {
          c = half;
        }
      }
      sb.append(c);
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /** True when the text has at least two characters that only traditional script uses. */
  public static boolean looksTraditional(String text) {
    return !toSimplified(text).equals(text);
  }

  /**
   * The text in simplified characters when it looks traditional, else the text unchanged.
   * Converting simplified text is not harmless (乾城 would become 干城), so only a text with at least
   * two characters that only traditional script uses is converted.
   */
  static String toSimplified(String text) {
    String simplified = HanLP.convertToSimplifiedChinese(text);
    if (simplified.length() != text.length()) {
      return simplified;
    }
    int hits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != simplified.charAt(i) && AMBIGUOUS.indexOf(c) < 0 && ++hits >= 2) {
        return simplified;
      }
    }
    return text;
  }
}
