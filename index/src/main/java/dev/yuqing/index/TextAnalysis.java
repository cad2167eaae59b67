package dev.yuqing.index;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import dev.yuqing.analysis.Segmenter;
import dev.yuqing.analysis.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the index reads Chinese: the one place where text becomes search terms, for documents and
 * queries, for both backends. Documents are pre-tokenised here and stored as term lists (Lucene
 * token stream, Elasticsearch keyword array), so both backends see exactly the same terms and no
 * Elasticsearch analysis plugin is needed.
 *
 * <p>Text is normalised and segmented exactly as analysis does it ({@link TextNormalizer}, {@link
 * Segmenter} with the handover dictionary and the configured project names). Documents also get the
 * dictionary words inside each longer word (index mode: 卫生间 also yields 卫生), so that a query for a
 * shorter word still finds them; queries are segmented without that expansion.
 *
 * <p>Thread-safe.
 */
final class TextAnalysis {

  /** A term and where it stands in the original text ({@code [start, end)} in chars). */
  record Token(String term, int start, int end) {}

  /** Sub-words are looked up only inside words this long or shorter (longer: noise, slow). */
  private static final int MAX_EXPANDED = 8;

  private static final Segmenter SEGMENTER = Segmenter.create();

  /** Names added with {@link #addWords}, in the order first added. */
  private static final Set<String> WORDS = new LinkedHashSet<>();

  /** Sub-words by word, valid for one dictionary generation (see {@link #subWords}). */
  private record SubWords(long generation, ConcurrentHashMap<String, int[]> spans) {}

  private static final int MAX_REMEMBERED = 100_000;

  private static volatile SubWords subWords = new SubWords(-1, new ConcurrentHashMap<>());

  private TextAnalysis() {}

  /**
   * Keeps these names (estates, developers, property companies) whole in documents and queries from
   * now on. HanLP's dictionary is global to the JVM: whoever indexes and whoever searches must have
   * added the same names, which is why the Lucene backend stores them with its commits.
   */
  static void addWords(Collection<String> words) {
    List<String> fresh = new ArrayList<>();
    synchronized (WORDS) {
      for (String w : words) {
        if (w != null && !w.isBlank() && WORDS.add(w.strip())) {
          fresh.add(w.strip());
        }
      }
    }
    if (!fresh.isEmpty()) {
      Segmenter.create(fresh);
    }
  }

  /** The names added so far. */
  static List<String> words() {
    synchronized (WORDS) {
      return List.copyOf(WORDS);
    }
  }

  /** The terms of a document's text, in order, with offsets into {@code text}. */
  static List<Token> indexTokens(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String normal = normalise(text);
    // Offsets are exact when normalisation kept the length (the usual case); otherwise they are
    // clamped, which only affects where highlighting puts its marks.
    int max = text.length();
    List<Token> out = new ArrayList<>();
    int at = 0;
    for (dev.yuqing.analysis.Token w : SEGMENTER.terms(normal)) {
      String word = w.word();
      int start = at;
      at += word.length();
      if (!w.punctuation()) {
        addTerms(word, start, max, out);
      }
    }
    return out;
  }

  /**
   * The terms of a document from words already segmented by the tagger ({@link
   * dev.yuqing.core.TaggedPost#words()}): the same terms as {@link #indexTokens} of the text they
   * were segmented from, without segmenting it again. Offsets are not known (0).
   */
  static List<String> indexTerms(List<String> words) {
    List<Token> out = new ArrayList<>(words.size() + words.size() / 2);
    for (String word : words) {
      addTerms(word, 0, 0, out);
    }
    List<String> terms = new ArrayList<>(out.size());
    for (Token t : out) {
      terms.add(t.term());
    }
    return terms;
  }

  /**
   * Adds the terms of one non-punctuation word that starts at {@code start}: none for symbols and
   * emoji; else the word and, in index mode, the dictionary words inside it. Offsets are clamped to
   * {@code max}.
   */
  private static void addTerms(String word, int start, int max, List<Token> out) {
    if (!hasLetterOrDigit(word)) {
      return;
    }
    String term = word.strip();
    int s = Math.min(start, max);
    out.add(new Token(term, s, Math.min(start + word.length(), max)));
    if (term.length() >= 3 && term.length() <= MAX_EXPANDED) {
      for (int span : subWords(term)) {
        int i = span >>> 8;
        int j = span & 0xFF;
        out.add(
            new Token(term.substring(i, j), Math.min(start + i, max), Math.min(start + j, max)));
      }
    }
  }

  /**
   * The dictionary words inside {@code term} (3 to {@link #MAX_EXPANDED} characters), as {@code
   * start << 8 | end}, by start then end. Remembered per word until the dictionary changes: the
   * same words come back post after post, and each costs up to 27 lookups in two dictionaries.
   */
  private static int[] subWords(String term) {
    long generation = Segmenter.dictionaryGeneration();
    SubWords memo = subWords;
    if (memo.generation() != generation || memo.spans().size() >= MAX_REMEMBERED) {
      memo = new SubWords(generation, new ConcurrentHashMap<>());
      subWords = memo;
    }
    int[] spans = memo.spans().get(term);
    if (spans == null) {
      int[] found = new int[term.length() * term.length()];
      int n = 0;
      for (int i = 0; i < term.length(); i++) {
        for (int j = i + 2; j <= term.length(); j++) {
          if (j - i != term.length() && isWord(term.substring(i, j))) {
            found[n++] = i << 8 | j;
          }
        }
      }
      spans = Arrays.copyOf(found, n);
      memo.spans().put(term, spans);
    }
    return spans;
  }

  /** The distinct terms of a piece of query text, in order. */
  static List<String> queryTerms(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    LinkedHashSet<String> terms = new LinkedHashSet<>();
    for (dev.yuqing.analysis.Token w : SEGMENTER.terms(normalise(text))) {
      if (!w.punctuation() && hasLetterOrDigit(w.word())) {
        terms.add(w.word().strip());
      }
    }
    return List.copyOf(terms);
  }

  /** Normalises text as documents and queries are normalised. */
  static String normalise(String text) {
    return TextNormalizer.normalize(text);
  }

  private static boolean isWord(String s) {
    return CoreDictionary.contains(s) || CustomDictionary.contains(s);
  }

  /** False for punctuation, symbols and emoji. */
  private static boolean hasLetterOrDigit(String word) {
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }
}
