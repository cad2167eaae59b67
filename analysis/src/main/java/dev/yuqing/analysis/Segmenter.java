package dev.yuqing.analysis;

import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * HanLP segmentation with yuqing's handover dictionary: the one word splitter of analysis and of
 * search indexing (documents and queries must be split the same way).
 *
 * <p>It uses HanLP's Viterbi segmenter with the custom dictionary and without person-name
 * recognition: name recognition reads 「万科某小区」 as a person and costs a third of the speed, while the
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

  private final Segment segment;

  private Segmenter() {
    this.segment =
        new ViterbiSegment()
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
      if (!handoverLoaded) {
        for (String[] row : Resources.rows("handover-dictionary.txt")) {
          addWord(row[0], row.length >= 3 ? row[1] + " " + row[2] : "nz 2000");
        }
        handoverLoaded = true;
      }
      for (String w : extraWords) {
        String n = TextNormalizer.normalize(w).strip();
        if (n.length() >= 2) {
          addWord(n, "nt 3000");
        }
      }
    }
    return new Segmenter();
  }

  private static void addWord(String word, String natureAndFrequency) {
    if (!CustomDictionary.contains(word)) {
      CustomDictionary.add(word, natureAndFrequency);
    }
  }

  /** Words of an already normalised text (see {@link TextNormalizer}), punctuation included. */
  public List<Token> terms(String normalized) {
    List<Token> out = new ArrayList<>(Math.max(8, normalized.length() / 2));
    int start = 0;
    int n = normalized.length();
    while (start < n) {
      int end = Math.min(n, start + CHUNK);
      if (end < n) {
        int cut = lastBreak(normalized, start, end);
        end = cut > start ? cut : end;
        // never split a surrogate pair (emoji)
        if (Character.isHighSurrogate(normalized.charAt(end - 1))) {
          end--;
        }
      }
      for (Term t : segment.seg(normalized.substring(start, end))) {
        out.add(new Token(t.word, t.nature == null ? "x" : t.nature.toString()));
      }
      start = end;
    }
    return out;
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
