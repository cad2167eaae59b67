package dev.yuqing.index;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.other.CharTable;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * How the index reads Chinese: the one place where text becomes search terms, for documents and
 * queries, for both backends. Documents are pre-tokenised here and stored as term lists (Lucene
 * token stream, Elasticsearch keyword array), so both backends see exactly the same terms and no
 * Elasticsearch analysis plugin is needed.
 *
 * <p>Text is first normalised character by character (traditional → simplified, full width → half
 * width, upper → lower case; HanLP's {@link CharTable}), which keeps offsets valid for the original
 * text, then segmented with HanLP's dictionary segmenter without name recognition (fast and
 * predictable). Documents are segmented in index mode (long words and the dictionary words inside
 * them), queries in normal mode, so that a query word is usually found among a document's terms.
 *
 * <p>TODO(analysis): switch {@link #segment} to {@code dev.yuqing.analysis.Segmenter} once it
 * lands, so that the project dictionary (estate names, 售楼部 …) applies here too.
 *
 * <p>Thread-safe.
 */
final class TextAnalysis {

  /** A term and where it stands in the original text ({@code [start, end)} in chars). */
  record Token(String term, int start, int end) {}

  private static final ThreadLocal<Segment> INDEX_MODE =
      ThreadLocal.withInitial(() -> newSegment().enableIndexMode(true));
  private static final ThreadLocal<Segment> QUERY_MODE =
      ThreadLocal.withInitial(TextAnalysis::newSegment);

  private TextAnalysis() {}

  private static Segment newSegment() {
    return HanLP.newSegment()
        .enableOffset(true)
        .enableNameRecognize(false)
        .enablePlaceRecognize(false)
        .enableOrganizationRecognize(false)
        .enableTranslatedNameRecognize(false)
        .enableJapaneseNameRecognize(false);
  }

  /** The terms of a document's text, in order, with offsets into {@code text}. */
  static List<Token> indexTokens(String text) {
    return segment(text, INDEX_MODE.get());
  }

  /** The distinct terms of a piece of query text, in order. */
  static List<String> queryTerms(String text) {
    LinkedHashSet<String> terms = new LinkedHashSet<>();
    for (Token t : segment(text, QUERY_MODE.get())) {
      terms.add(t.term());
    }
    return List.copyOf(terms);
  }

  /** Normalises one piece of text as documents and queries are normalised (same length). */
  static String normalise(String text) {
    return CharTable.convert(text);
  }

  private static List<Token> segment(String text, Segment segment) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String normal = normalise(text);
    List<Token> tokens = new ArrayList<>();
    for (Term t : segment.seg(normal)) {
      String word = t.word.strip();
      if (word.isEmpty() || isPunctuation(word)) {
        continue;
      }
      int start = Math.max(0, t.offset);
      tokens.add(new Token(word, start, Math.min(text.length(), start + t.word.length())));
    }
    return tokens;
  }

  /** True when the word has no letter or digit (punctuation, symbols, emoji). */
  private static boolean isPunctuation(String word) {
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }
}
