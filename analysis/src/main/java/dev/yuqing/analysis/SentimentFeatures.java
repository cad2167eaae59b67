package dev.yuqing.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a normalised, segmented text into model features: words (marked when negated), character
 * bigrams, emoticons, and the lexicon's scores. Feature names are hashed into {@link #DIM} slots.
 * Pure and thread-safe.
 */
final class SentimentFeatures {
  static final int BITS = 18;
  static final int DIM = 1 << BITS;

  /**
   * Names of the dense cues the stance layer reads, in order (the model file stores its weights in
   * this order). The first two are filled in by the model from the polarity probability.
   */
  static final List<String> STANCE_CUES =
      List.of(
          "polarity",
          "confidence",
          "longPolarity",
          "sentencePolarity",
          "negativeSentences",
          "positiveSentences",
          "lexNeg",
          "lexPos",
          "complaint",
          "inquiry",
          "news",
          "firstPerson",
          "exclaim",
          "question",
          "length",
          "headline",
          "sarcasm",
          "suggestion",
          "handoverDomain");

  private static final String SENTENCE_END = "。！？!?；;\n";
  private static final Pattern EMOTICON = Pattern.compile("\\[[^\\[\\]\\s]{1,8}]");
  private static final Cues COMPLAINT =
      Cues.of(
          "投诉|举报|反映|恳请|恳求|要求|诉求|为什么|凭什么|难道|不合理|解决|处理|整改|维权" + "|责任|赔偿|退还|做主|严查|彻查|督促|无果|至今|仍然|一直");
  private static final Cues INQUIRY =
      Cues.of("咨询|请问|想问|问一下|如何|怎么办理|能否|可否|是否可以|需要什么|哪些材料|在哪里办|什么时候能");
  private static final Cues NEWS =
      Cues.of(
          "记者|本报|讯|日电|据了解|据悉|数据显示|同比|环比|百分点|均价|成交|发布|公布|表示|透露"
              + "|分析|业内人士|研究院|统计|调控|楼市|市场|指出|认为|报道|消息");
  private static final Cues SUGGESTION = Cues.of("建议|希望能|请求|申请|能否|可否|增设|修建|考虑|方便");

  /** Words of the handover domain: where neutral news and inquiries live (reviews rarely). */
  private static final Cues DOMAIN =
      Cues.of(
          "业主|小区|开发商|物业|楼盘|房产|住房|房价|交房|购房|商品房|领导|政府|书记|市长|县长|区长|社区"
              + "|街道|住建|规划|房企|楼市|地产|二手房|学区|业委会|楼栋|单元|不动产|住宅|安置|拆迁");

  private static final Cues FIRST_PERSON = Cues.of("我们|我家|本人|我|咱们|业主们");

  private final SentimentLexicon lexicon;

  SentimentFeatures(SentimentLexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** Features of a normalised text and its tokens. */
  FeatureVector extract(String normalized, List<Token> tokens) {
    // letter politeness (感谢您在百忙之中…) is no stance: its tokens are left out
    boolean[] polite = SentimentLexicon.politeSpans(normalized);
    String text = SentimentLexicon.stripPoliteness(normalized, polite);
    List<Token> kept = new ArrayList<>(tokens.size());
    int cap = 64 + tokens.size() * 2 + normalized.length() * 2;
    int[] idx = new int[cap];
    float[] val = new float[cap];
    int[] ends = new int[16];
    int sentences = 0;
    int n = 0;
    boolean negate = false;
    int scope = 0;
    char prev = 0;
    int offset = 0;
    for (Token t : tokens) {
      String w = t.word();
      int start = offset;
      offset += w.length();
      if (start < polite.length && polite[start]) {
        continue;
      }
      kept.add(t);
      if (n > cap - 8) {
        break;
      }
      if (t.punctuation()) {
        prev = 0;
        negate = false;
        if (w.equals("!") || w.equals("！") || w.equals("?") || w.equals("？")) {
          idx[n] = hash('p', w);
          val[n++] = 1;
        } else if (w.codePoints().anyMatch(SentimentFeatures::symbol)) {
          idx[n] = hash('s', w);
          val[n++] = 1;
        }
        if (SENTENCE_END.indexOf(w.charAt(0)) >= 0 && (sentences == 0 || ends[sentences - 1] < n)) {
          if (sentences == ends.length) {
            ends = Arrays.copyOf(ends, sentences * 2);
          }
          ends[sentences++] = n;
        }
        continue;
      }
      if (lexicon.negators.contains(w)) {
        negate = true;
        scope = 3;
      }
      idx[n] = hash(negate ? 'n' : 'w', w);
      val[n++] = 1;
      if (negate && !lexicon.negators.contains(w) && --scope <= 0) {
        negate = false;
      }
      // character bigrams over letters and digits, across word boundaries within a clause:
      // robust to segmentation mistakes
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if (Character.isLetterOrDigit(c)) {
          if (prev != 0) {
            idx[n] = hash2(prev, c);
            val[n++] = 1;
          }
          prev = c;
        } else {
          prev = 0;
        }
      }
    }
    if (sentences == 0 || ends[sentences - 1] < n) {
      if (sentences == ends.length) {
        ends = Arrays.copyOf(ends, sentences + 1);
      }
      ends[sentences++] = n;
    }
    int bag = n;
    // length normalisation keeps long letters from drowning short posts
    float scale = (float) (1 / Math.sqrt(Math.max(1, bag)));
    for (int i = 0; i < bag; i++) {
      val[i] *= scale;
    }
    Matcher m = EMOTICON.matcher(text);
    while (m.find() && n < cap - 8) {
      idx[n] = hash('e', m.group());
      val[n++] = 0.5f;
    }
    SentimentLexicon.Score s = lexicon.score(text, kept);
    double lexNeg = Math.log1p(s.negative());
    double lexPos = Math.log1p(s.positive());
    idx[n] = hash('x', "lexNeg");
    val[n++] = (float) lexNeg;
    idx[n] = hash('x', "lexPos");
    val[n++] = (float) lexPos;
    idx[n] = hash('x', "lexBalance");
    val[n++] = (float) Math.tanh((s.positive() - s.negative()) / 3);
    if (s.sarcasm()) {
      idx[n] = hash('x', "sarcasm");
      val[n++] = 1;
    }
    double[] dense = new double[STANCE_CUES.size()];
    // dense[0..5] (document and sentence polarity) are filled in by the model
    dense[6] = lexNeg;
    dense[7] = lexPos;
    dense[8] = Math.log1p(count(COMPLAINT, text));
    dense[9] = Math.log1p(count(INQUIRY, text));
    dense[10] = Math.log1p(count(NEWS, text));
    dense[11] = Math.log1p(count(FIRST_PERSON, text));
    dense[12] = Math.log1p(countChars(text, '!', '！'));
    dense[13] = Math.log1p(countChars(text, '?', '？'));
    dense[14] = Math.log1p(text.length()) / 5;
    dense[15] = text.length() < 60 && countChars(text, '。', '，') == 0 ? 1 : 0;
    dense[16] = s.sarcasm() ? 1 : 0;
    dense[17] = Math.log1p(count(SUGGESTION, text));
    dense[18] = Math.log1p(count(DOMAIN, text));
    return new FeatureVector(
        Arrays.copyOf(idx, n),
        Arrays.copyOf(val, n),
        Arrays.copyOf(ends, sentences),
        scale,
        dense,
        text.length());
  }

  private static boolean symbol(int cp) {
    return Character.getType(cp) == Character.OTHER_SYMBOL
        || Character.isSupplementaryCodePoint(cp);
  }

  private static int count(Cues cues, String text) {
    return cues.count(text);
  }

  private static int countChars(String s, char a, char b) {
    int c = 0;
    for (int i = 0; i < s.length(); i++) {
      char x = s.charAt(i);
      if (x == a || x == b) {
        c++;
      }
    }
    return c;
  }

  static int hash(char kind, String s) {
    int h = 0x9747b28c ^ kind;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x01000193;
    }
    return mix(h);
  }

  private static int hash2(char a, char b) {
    int h = 0x9747b28c ^ 'b';
    h = (h ^ a) * 0x01000193;
    h = (h ^ b) * 0x01000193;
    return mix(h);
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h & (DIM - 1);
  }
}
