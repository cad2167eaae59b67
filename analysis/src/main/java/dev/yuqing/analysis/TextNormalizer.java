package dev.yuqing.analysis;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import com.hankcs.hanlp.dictionary.ts.TraditionalChineseDictionary;
import dev.yuqing.core.Script;
import java.text.Normalizer;
import java.util.BitSet;
import java.util.Locale;

/**
 * The one Chinese text normaliser: what tagging, search, the crawler ({@code Post.script}, {@code
 * Post.simplified}, project scope) and the stream (scope, dedup) read a text as. Pure and
 * thread-safe; every step works on code points, so a surrogate pair is never split.
 *
 * <ol>
 *   <li>Variant forms: CJK compatibility ideographs (Big5 conversions produce them), Kangxi and
 *       supplementary radicals become the unified ideograph they stand for.
 *   <li>Script ({@link #simplified}): traditional characters become simplified with HanLP's
 *       dictionary, longest phrase first (乾隆 stays, 乾縣 becomes 乾县). A character that is also a
 *       standard simplified one (乾 of 乾坤 and 乾县) is only rewritten in a text that is traditional
 *       ({@link #script}), and so are phrases of such characters; in a simplified text only the
 *       characters that traditional script alone uses are converted, so a simplified text keeps its
 *       names and a traditional quotation inside it still reads as simplified.
 *   <li>Width ({@link #normalize}): full-width, half-width, small and vertical forms fold to the
 *       ordinary character (ＡＢＣ１２３ → ABC123, ｢ → 「), except the Chinese sentence punctuation
 *       ，！？：；（）, which segmentation and signals read, and which those forms of it fold to; Latin is
 *       lower-cased.
 * </ol>
 *
 * <p>Each step maps a character to one character except where a dictionary phrase or a variant
 * differs in length, so the normalised text almost always has the original's length.
 */
public final class TextNormalizer {
  /**
   * Standard simplified characters that HanLP's table rewrites as if they were traditional (乾 → 干):
   * names use them (乾隆 乾县 乾城; 昇 陞 甦 are kept for names by the 2013 standard character list).
   */
  private static final String ALSO_SIMPLIFIED = "乾昇陞甦";

  private static final String ASCII_SENTENCE_PUNCTUATION = ",!?:;()";
  private static final String SENTENCE_PUNCTUATION = "，！？：；（）";

  private static final AhoCorasickDoubleArrayTrie<String> TABLE = TraditionalChineseDictionary.trie;

  /** BMP characters that only traditional script uses. */
  private static final BitSet TRADITIONAL = new BitSet(0x10000);

  static {
    if (TABLE == null || TABLE.size() == 0) {
      throw new IllegalStateException("HanLP's traditional-to-simplified table did not load");
    }
    for (int c = 0; c <= 0xFFFF; c++) {
      if (isHan(c) && rewritten(String.valueOf((char) c)) && ALSO_SIMPLIFIED.indexOf(c) < 0) {
        TRADITIONAL.set(c);
      }
    }
  }

  private TextNormalizer() {}

  /** The text as analysis reads it (variants, script, width, Latin case folded); null gives "". */
  public static String normalize(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String folded = fold(text, true);
    return convert(folded, script(folded) == Script.TRADITIONAL).toLowerCase(Locale.ROOT);
  }

  /**
   * The text in simplified script, as written otherwise (no width folding, case kept): what {@code
   * Post.simplified} holds; null gives "".
   */
  public static String simplified(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String folded = fold(text, false);
    return convert(folded, script(folded) == Script.TRADITIONAL);
  }

  /**
   * Traditional when at least two characters, and one Han character in twenty, are ones only
   * traditional script uses: a name or a short quotation does not make a simplified text
   * traditional.
   */
  public static Script script(String text) {
    if (text == null) {
      return Script.SIMPLIFIED;
    }
    int han = 0;
    int traditional = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isHan(cp)) {
        han++;
        if (traditionalOnly(foldVariant(cp))) {
          traditional++;
        }
      }
    }
    return traditional >= 2 && traditional * 20 >= han ? Script.TRADITIONAL : Script.SIMPLIFIED;
  }

  /** Folds variant forms, and width when {@code width}; the text itself when nothing changes. */
  private static String fold(String text, boolean width) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      int to = width ? foldWidth(foldVariant(cp)) : foldVariant(cp);
      if (to != cp && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.appendCodePoint(to);
      }
      i += n;
    }
    return out == null ? text : out.toString();
  }

  private static int foldVariant(int cp) {
    boolean variant =
        (cp >= 0xF900 && cp <= 0xFAFF) // CJK compatibility ideographs
            || (cp >= 0x2F800 && cp <= 0x2FA1F) // and their supplement
            || (cp >= 0x2E80 && cp <= 0x2FDF); // CJK radicals supplement, Kangxi radicals
    return variant ? single(cp) : cp;
  }

  private static int foldWidth(int cp) {
    if (cp == 0x3000) {
      return ' ';
    }
    boolean form =
        (cp >= 0xFF01 && cp <= 0xFFEF) // half-width and full-width forms
            || (cp >= 0xFE10 && cp <= 0xFE1F) // vertical forms
            || (cp >= 0xFE30 && cp <= 0xFE6F); // CJK compatibility forms, small form variants
    if (!form) {
      return cp;
    }
    int to = single(cp);
    int punctuation = ASCII_SENTENCE_PUNCTUATION.indexOf(to);
    return punctuation >= 0 ? SENTENCE_PUNCTUATION.charAt(punctuation) : to;
  }

  /** The character's compatibility mapping when that is one character, else the character. */
  private static int single(int cp) {
    String s = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
    return s.codePointCount(0, s.length()) == 1 ? s.codePointAt(0) : cp;
  }

  /**
   * Rewrites the text with HanLP's table, longest match first as HanLP does; in a simplified text
   * only matches that hold a traditional-only character.
   */
  private static String convert(String text, boolean traditional) {
    char[] c = text.toCharArray();
    String[] to = new String[c.length];
    int[] length = new int[c.length];
    TABLE.parseText(
        c,
        (begin, end, value) -> {
          if (end - begin > length[begin]) {
            length[begin] = end - begin;
            to[begin] = value;
          }
        });
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < c.length) {
      if (to[i] == null) {
        i++;
        continue;
      }
      int end = i + length[i];
      if (applies(text, i, end, to[i], traditional)) {
        if (out == null) {
          out = new StringBuilder(c.length);
        }
        out.append(c, copied, i - copied).append(to[i]);
        copied = end;
      }
      i = end;
    }
    if (out == null) {
      return text;
    }
    return out.append(c, copied, c.length - copied).toString();
  }

  private static boolean applies(String text, int from, int to, String value, boolean traditional) {
    if (text.regionMatches(from, value, 0, value.length()) && value.length() == to - from) {
      return false;
    }
    boolean han = false;
    boolean traditionalOnly = false;
    for (int i = from; i < to; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      han |= isHan(cp);
      traditionalOnly |= traditionalOnly(cp);
    }
    // the table also turns 「」 into “”: punctuation is not script
    return han && (traditional || traditionalOnly);
  }

  private static boolean traditionalOnly(int cp) {
    if (cp <= 0xFFFF) {
      return TRADITIONAL.get(cp);
    }
    return isHan(cp) && rewritten(new String(Character.toChars(cp)));
  }

  private static boolean rewritten(String character) {
    String to = TABLE.get(character);
    return to != null && !to.equals(character);
  }

  private static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }
}
