package dev.yuqing.crawler;

import com.hankcs.hanlp.HanLP;
import dev.yuqing.core.Script;

/**
 * Tells traditional from simplified Chinese and converts to simplified with HanLP's dictionary (no
 * models). Thread-safe.
 */
public final class Scripts {
  private Scripts() {}

  /** Converted text; the same length as the input (HanLP converts character-wise or by phrase). */
  public static String simplified(String s) {
    if (s == null || s.isEmpty() || !hasHan(s)) {
      return s;
    }
    return HanLP.convertToSimplifiedChinese(s);
  }

  /**
   * Traditional when a noticeable share of the Han characters change on conversion to simplified: a
   * few changed characters (names, quotations) do not make a simplified text traditional.
   */
  public static Script detect(String s, String simplifiedForm) {
    if (s == null || simplifiedForm == null || s.equals(simplifiedForm)) {
      return Script.SIMPLIFIED;
    }
    int han = 0;
    int changed = 0;
    int n = Math.min(s.length(), simplifiedForm.length());
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
        han++;
        if (c != simplifiedForm.charAt(i)) {
          changed++;
        }
      }
    }
    return changed >= 2 && changed * 20 >= han ? Script.TRADITIONAL : Script.SIMPLIFIED;
  }

  private static boolean hasHan(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN) {
        return true;
      }
    }
    return false;
  }
}
