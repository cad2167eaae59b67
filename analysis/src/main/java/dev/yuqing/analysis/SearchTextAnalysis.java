package dev.yuqing.analysis;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import dev.yuqing.core.TextAnalysis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link TextAnalysis} of search: text normalised and segmented exactly as the tagger does it
 * ({@link TextNormalizer}, {@link Segmenter} with the handover dictionary and the configured
 * project names), documents in index mode (the dictionary words inside each word of 3 to 8
 * characters).
 *
 * <p>One per JVM ({@link #get}): HanLP's dictionary, which the names kept whole go into, is global
 * to the JVM. Thread-safe.
 */
public final class SearchTextAnalysis implements TextAnalysis {
  private static final SearchTextAnalysis INSTANCE = new SearchTextAnalysis();

  /** Sub-words are looked up only inside words this long or shorter (longer: noise, slow). */
  private static final int MAX_EXPANDED = 8;

  private final Segmenter segmenter = Segmenter.create();

  /** Names added with {@link #keepWhole}, in the order first added. */
  private final Set<String> kept = new LinkedHashSet<>();

  /** Sub-words by word, valid for one dictionary generation (see {@link #subWords}). */
  private record SubWords(long generation, ConcurrentHashMap<String, int[]> spans) {}

  private static final int MAX_REMEMBERED = 100_000;

  private volatile SubWords subWords = new SubWords(-1, new ConcurrentHashMap<>());

  private SearchTextAnalysis() {}

  /** This JVM's search analysis. */
  public static SearchTextAnalysis get() {
    return INSTANCE;
  }

  @Override
  public void keepWhole(Collection<String> words) {
    List<String> fresh = new ArrayList<>();
    synchronized (kept) {
      for (String w : words) {
        if (w != null && !w.isBlank() && kept.add(w.strip())) {
          fresh.add(w.strip());
        }
      }
    }
    if (!fresh.isEmpty()) {
      Segmenter.create(fresh);
    }
  }

  @Override
  public List<String> keptWhole() {
    synchronized (kept) {
      return List.copyOf(kept);
    }
  }

  @Override
  public List<Term> documentTerms(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String normal = normalise(text);
    // Offsets are exact when normalisation kept the length (the usual case); otherwise they are
    // clamped, which only affects where highlighting puts its marks.
    int max = text.length();
    List<Term> out = new ArrayList<>();
    int at = 0;
    for (Token w : segmenter.terms(normal)) {
      String word = w.word();
      int start = at;
      at += word.length();
      if (!w.punctuation()) {
        addTerms(word, start, max, out);
      }
    }
    return out;
  }

  @Override
  public List<String> documentTermsOfWords(List<String> words) {
    List<Term> out = new ArrayList<>(words.size() + words.size() / 2);
    for (String word : words) {
      addTerms(word, 0, 0, out);
    }
    List<String> terms = new ArrayList<>(out.size());
    for (Term t : out) {
      terms.add(t.term());
    }
    return terms;
  }

  /**
   * Adds the terms of one non-punctuation word that starts at {@code start}: none for symbols and
   * emoji; else the word and, in index mode, the dictionary words inside it. Offsets are clamped to
   * {@code max}.
   */
  private void addTerms(String word, int start, int max, List<Term> out) {
    if (!hasLetterOrDigit(word)) {
      return;
    }
    String term = word.strip();
    int s = Math.min(start, max);
    out.add(new Term(term, s, Math.min(start + word.length(), max)));
    if (term.length() >= 3 && term.length() <= MAX_EXPANDED) {
      for (int span : subWords(term)) {
        int i = span >>> 8;
        int j = span & 0xFF;
        out.add(new Term(term.substring(i, j), Math.min(start + i, max), Math.min(start + j, max)));
      }
    }
  }

  /**
   * The dictionary words inside {@code term} (3 to {@link #MAX_EXPANDED} characters), as {@code
   * start << 8 | end}, by start then end. Remembered per word until the dictionary changes: the
   * same words come back post after post, and each costs up to 27 lookups in two dictionaries.
   */
  private int[] subWords(String term) {
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

  @Override
  public List<String> queryTerms(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    LinkedHashSet<String> terms = new LinkedHashSet<>();
    for (Token w : segmenter.terms(normalise(text))) {
      if (!w.punctuation() && hasLetterOrDigit(w.word())) {
        terms.add(w.word().strip());
      }
    }
    return List.copyOf(terms);
  }

  @Override
  public String normalise(String text) {
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
