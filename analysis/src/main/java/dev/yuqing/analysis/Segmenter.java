package dev.yuqing.analysis;

import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * HanLP segmentation with yuqing's handover dictionary: the one word splitter of analysis and of
 * search indexing (documents and queries must be split the same way).
 *
 * <p>It uses HanLP's Viterbi segmenter with the custom dictionary and without person-name
 * recognition: name recognition reads 「万科某小区」 as a person and slows every segmentation, while the
 * names that matter here (estates, developers, property companies) come from the dictionary and the
 * configuration.
 *
 * <p>Thread-safe once built. HanLP's custom dictionary is global to the JVM: building a segmenter
 * adds its words to it (adding a word already there changes nothing), so build segmenters before
 * tagging starts, as Flink's {@code open()} does.
 */
public final class Segmenter {
  /** Longest piece handed to HanLP at once; long texts are split at sentence ends first. */
  private static final int CHUNK = 400;

  private static final Object DICTIONARY_LOCK = new Object();
  private static volatile boolean handoverLoaded;

  /** Changes to the JVM-wide dictionary so far (written under {@link #DICTIONARY_LOCK}). */
  private static volatile long dictionaryGeneration;

  /** Every word added to the dictionary by any segmenter (guarded by {@link #DICTIONARY_LOCK}). */
  private static final Set<String> OWN_WORDS = new LinkedHashSet<>();

  /**
   * Our dictionary words (handover vocabulary, configured names), to check token boundaries. Global
   * like HanLP's custom dictionary, so that every segmenter in the JVM splits a text the same way
   * (the tagger's words are what search indexing would get).
   */
  private static volatile Cues ownWords = new Cues();

  private static final Token NEWLINE = new Token("\n", "w");

  private final Segment segment;
  private final Segment forcing;
  private final Segment indexSegment;
  private final Segment querySegment;

  /**
   * A search term and where it stands in the original text.
   *
   * @param term the normalised term (simplified, half-width, lower-case Latin)
   * @param start offset of its first character in the original text
   * @param end offset after its last character in the original text
   */
  public record Span(String term, int start, int end) {}

  private Segmenter() {
    // no tagging pass for analysis: the dictionary's first reading is enough for the keyphrase
    // filter, and the pass's Viterbi allocates more than the whole segmentation
    this.segment =
        newSegment().enableCustomDictionaryForcing(false).enablePartOfSpeechTagging(false);
    this.forcing = newSegment().enablePartOfSpeechTagging(false);
    this.indexSegment = newSegment().enableIndexMode(true).enableOffset(true);
    this.querySegment = newSegment().enableOffset(true);
  }

  private static Segment newSegment() {
    return new ViterbiSegment()
        .enableNameRecognize(false)
        .enableTranslatedNameRecognize(false)
        .enableJapaneseNameRecognize(false)
        .enablePlaceRecognize(false)
        .enableOrganizationRecognize(false)
        .enableCustomDictionary(true)
        // dictionary words enter the lattice: 售楼部门口 → 售楼部|门口, not 售楼|部门|口
        .enableCustomDictionaryForcing(true)
        .enablePartOfSpeechTagging(true);
  }

  /** A segmenter with the handover dictionary. */
  public static Segmenter create() {
    return create(List.of());
  }

  /**
   * A segmenter with the handover dictionary and these extra words (estate, developer and
   * property-company names from the configuration), kept whole as organisation names.
   */
  public static Segmenter create(Collection<String> extraWords) {
    synchronized (DICTIONARY_LOCK) {
      int known = OWN_WORDS.size();
      if (!handoverLoaded) {
        // the handover dictionary once per JVM: later calls only add their extra words
        for (String[] row : Resources.rows("handover-dictionary.txt")) {
          addWord(row[0], row.length >= 3 ? row[1] + " " + row[2] : "nz 2000");
          OWN_WORDS.add(row[0]);
        }
        handoverLoaded = true;
      }
      for (String w : extraWords) {
        String n = TextNormalizer.normalize(w).strip();
        if (n.length() >= 2) {
          addWord(n, "nt 3000");
          OWN_WORDS.add(n);
        }
      }
      if (OWN_WORDS.size() != known) {
        ownWords = new Cues(OWN_WORDS.toArray(String[]::new));
      }
    }
    return new Segmenter();
  }

  private static void addWord(String word, String natureAndFrequency) {
    if (!CustomDictionary.contains(word)) {
      CustomDictionary.add(word, natureAndFrequency);
      dictionaryGeneration++; // only under DICTIONARY_LOCK
    }
  }

  /**
   * A number that changes whenever a word is added to the JVM-wide dictionary, so that what was
   * derived from the dictionary can be kept until then.
   */
  public static long dictionaryGeneration() {
    return dictionaryGeneration;
  }

  /**
   * Words of an already normalised text (see {@link TextNormalizer}), punctuation included; their
   * concatenation is the text. A line break always stands alone and each line is segmented on its
   * own, so {@code terms(a + "\n" + b)} is {@code terms(a)}, the break, then {@code terms(b)}.
   */
  public List<Token> terms(String normalized) {
    List<Token> out = new ArrayList<>(Math.max(8, normalized.length() / 2));
    int line = 0;
    while (true) {
      int lineEnd = normalized.indexOf('\n', line);
      segment(normalized, line, lineEnd < 0 ? normalized.length() : lineEnd, out);
      if (lineEnd < 0) {
        return out;
      }
      out.add(NEWLINE);
      line = lineEnd + 1;
    }
  }

  /** Appends the words of {@code normalized[start, n)}, which holds no line break. */
  private void segment(String normalized, int start, int n, List<Token> out) {
    Cues own = ownWords;
    while (start < n) {
      // long texts go to HanLP in pieces cut at sentence ends (never inside an emoji)
      int end = chunkEnd(normalized, start, n);
      String chunk = normalized.substring(start, end);
      List<Term> terms = segment.seg(chunk);
      if (splitsOwnWord(own, chunk, terms)) {
        // HanLP's statistics cut one of our words (售楼部门口 → 售楼|部门|口): segment again with
        // the dictionary forced into the lattice (slower, so only when needed)
        terms = forcing.seg(chunk);
      }
      for (Term t : terms) {
        out.add(new Token(t.word, t.nature == null ? "x" : t.nature.toString()));
      }
      start = end;
    }
  }

  /**
   * True when a token cuts across a word of our dictionary: it overlaps the word without holding it
   * or lying inside it (部门 across 售楼部|门口; 停车位 holding 车位 is fine).
   */
  private static boolean splitsOwnWord(Cues ownWords, String chunk, List<Term> terms) {
    int[] tokenAt = null;
    int[] starts = null;
    for (int i = 0; i < chunk.length(); i++) {
      String w = ownWords.at(chunk, i);
      if (w == null) {
        continue;
      }
      if (tokenAt == null) {
        // for each character: the index of its token; and each token's start
        tokenAt = new int[chunk.length()];
        starts = new int[terms.size() + 1];
        int at = 0;
        for (int k = 0; k < terms.size(); k++) {
          starts[k] = at;
          int len = terms.get(k).word.length();
          for (int c = at; c < Math.min(chunk.length(), at + len); c++) {
            tokenAt[c] = k;
          }
          at += len;
        }
        starts[terms.size()] = at;
      }
      int end = i + w.length();
      int first = tokenAt[i];
      int last = tokenAt[end - 1];
      boolean tokenHoldsWord = first == last;
      boolean alignedRun = starts[first] == i && starts[last + 1] == end;
      if (!tokenHoldsWord && !alignedRun) {
        return true;
      }
    }
    return false;
  }

  private static int lastBreak(String s, int from, int to) {
    for (int i = to - 1; i > from + CHUNK / 4; i--) {
      char c = s.charAt(i);
      if (c == '。' || c == '！' || c == '？' || c == '；' || c == '\n' || c == '，' || c == ' ') {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * Search terms of a text with their offsets in the original text, for documents ({@code
   * indexMode}: long words and the dictionary words inside them, 售楼部门口 → 售楼部, 门口 …) or queries
   * (plain words), normalised by {@link TextNormalizer}. Offsets are exact when normalising kept
   * the length (the usual case); otherwise they are clamped to the text.
   */
  public List<Span> spans(String text, boolean indexMode) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String normal = TextNormalizer.normalize(text);
    Segment s = indexMode ? indexSegment : querySegment;
    List<Span> out = new ArrayList<>();
    int start = 0;
    int n = normal.length();
    int max = text.length();
    while (start < n) {
      int end = chunkEnd(normal, start, n);
      for (Term t : s.seg(normal.substring(start, end))) {
        String w = t.word.strip();
        if (!w.isEmpty() && !(t.nature != null && t.nature.toString().startsWith("w"))) {
          int from = start + t.offset;
          out.add(new Span(w, Math.min(from, max), Math.min(from + t.word.length(), max)));
        }
      }
      start = end;
    }
    return out;
  }

  private static int chunkEnd(String s, int start, int limit) {
    int end = Math.min(limit, start + CHUNK);
    if (end < limit) {
      int cut = lastBreak(s, start, end);
      end = cut > start ? cut : end;
      if (Character.isHighSurrogate(s.charAt(end - 1))) {
        end--;
      }
    }
    return end;
  }

  /**
   * Search tokens of any text: normalised (simplified, half-width, lower-case Latin), split into
   * words, punctuation and whitespace dropped. Use the same call for documents and queries.
   */
  public List<String> tokens(String text) {
    String normalized = TextNormalizer.normalize(text);
    List<String> out = new ArrayList<>();
    for (Token t : terms(normalized)) {
      if (!t.punctuation()) {
        out.add(t.word().strip());
      }
    }
    return out;
  }
}
