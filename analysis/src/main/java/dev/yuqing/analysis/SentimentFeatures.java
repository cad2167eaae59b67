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
   * this order). The first six are filled in by the model from the review-trained polarity.
   *
   * <p>Most of them describe the genre of a text rather than its words: a news report (bylines,
   * datelines, market figures, reported speech), an inquiry or a suggestion, a letter to officials,
   * praise, promotion, or a complaint. Genre decides whether a text takes a stance at all, and the
   * same cue means the same thing in texts the project has never seen.
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
          "blame",
          "inquiry",
          "suggestion",
          "newsForm",
          "newsVocabulary",
          "reportedSpeech",
          "praise",
          "promotion",
          "firstPerson",
          "letter",
          "exclaim",
          "question",
          "endsWithQuestion",
          "length",
          "headline",
          "sarcasm",
          "handoverDomain",
          "inDomain",
          "socialForm");

  private static final String SENTENCE_END = "。！？!?；;\n";
  private static final Pattern EMOTICON = Pattern.compile("\\[[^\\[\\]\\s]{1,8}]");

  /** Acts of complaining and demanding: the writer wants something put right. */
  private static final String COMPLAINT =
      ("投诉|举报|反映|恳请|恳求|要求|诉求|为什么|凭什么|为何|难道|不合理|解决|处理|整改|维权|讨说法|讨个说法"
          + "|给个说法|责任|赔偿|退还|退钱|做主|严查|彻查|查处|督促|无果|信访|上访|12345|曝光|还我|还给");

  /** Grievance words: what went wrong and who is to blame. */
  private static final String BLAME =
      ("不作为|推诿|扯皮|延期|逾期|烂尾|停工|敷衍|踢皮球|互相推|无人管|没人管|没人理|不管不问|置之不理|拖延|一拖再拖|迟迟|至今"
          + "|仍然|一直没|一直不|多次|屡次|反复|欺骗|欺诈|受骗|被骗|坑|违规|违法|非法|霸王|强制|强行|侵占|侵害"
          + "|损害|损失|无良|黑心|太差|极差|恶劣|苦不堪言|失望|愤怒|气愤|无奈|不满|寒心|心寒|乱收费|擅自|私自"
          + "|拒不|拒绝|不予|没有任何|毫无|投诉无门|求助无门|怎么办|谁来管|忍无可忍");

  /** Requests for information: a plain inquiry takes no stance. */
  private static final String INQUIRY =
      ("咨询|请问|想问|问一下|问问|想了解|了解一下|如何办理|怎么办理|怎样办理|如何|怎么弄|能否告知|告知"
          + "|可否|是否可以|是否|需要什么|需要哪些|哪些材料|什么材料|在哪里|在哪办|哪里办|什么时候|何时|多久"
          + "|流程|手续|条件|政策|有没有|谢谢解答|请答复|求解答|解答");

  /** Suggestions and polite requests for something new. */
  private static final String SUGGESTION = ("建议|希望|请求|申请|能否|可否|增设|修建|加装|开通|新建|考虑|方便|呼吁|盼望|期待|期盼");

  /**
   * The form of a news report: bylines, datelines, agency names, picture captions and the page
   * furniture of news sites. Nobody writes these in a complaint.
   */
  private static final Pattern NEWS_FORM =
      Regexes.firstChars(
          "记本通晨晚日0123456789消据数调报（(我相责原中新人央编图摄来",
          "记者|本报|本台|本刊|通讯员|[晨晚日]报讯|日电|\\d{1,2}月\\d{1,2}日(消息|电|讯)|消息[，,]|据了解|据悉"
              + "|据介绍|据报道|据统计|据透露|数据显示|调查显示|报告显示|[（(]组?图[)）]|我要评论|相关新闻|相关阅读"
              + "|责任编辑|原标题|[（(]完[)）]|中新社|新华社|中新网|新华网|人民网|央视网|编者按|图为|摄影?[：:]|来源[：:]");

  /** Words of market and policy reporting. */
  private static final String NEWS_VOCABULARY =
      ("同比|环比|百分点|均价|成交|成交量|成交额|涨幅|跌幅|上涨|下跌|%|万元|亿元|平方米|楼市|房价|市场|开盘"
          + "|土地|地块|拍卖|竞得|溢价|楼面价|供应|库存|去化|调控|限购|限贷|首付|利率|房贷|公积金|政策|出台"
          + "|发布|公布|印发|实施|住建部|发改委|统计局|国务院|房企|企业|行业|业内|业内人士|分析师|研究院|研究中心"
          + "|专家|预计|走势|指数|季度|上半年|下半年|全年|全国|城市|一线|二线|三线");

  /** A reporter quoting others: 「…表示」「据…介绍」「…告诉记者」. */
  private static final String REPORTED = ("表示|透露|指出|认为|称|介绍|告诉|坦言|直言|分析|强调|说，|说：|说:|说,|据");

  /** Appreciation of a company, a service or the authorities (letter formulas are stripped). */
  private static final String PRAISE =
      ("感谢|谢谢|感激|点赞|表扬|锦旗|满意|高效|热情|周到|贴心|耐心|细心|用心|负责|尽职|给力|好评|赞|辛苦了|及时"
          + "|到位|暖心|温馨|称赞|认可|放心|安心|值得|靠谱|专业|惊喜|开心|高兴|顺利|圆满|感动|好样的|为民|办实事");

  /** Promotion: what a developer's or a portal's advertorial says about a project. */
  private static final String PROMOTION =
      ("品质|匠心|典范|标杆|荣获|获评|热销|热卖|盛大|献礼|实景|直播|臻|人居|宜居|美好生活|兑现|如约|提前交付"
          + "|交付即交证|售罄|火爆|抢购|钜惠|优惠|倾力|打造|升级|品牌|豪宅|尊享|礼遇|璀璨|荣耀|绽放|启幕|精工"
          + "|高品质|口碑|信赖|喜提|圆满|成功|首席|旗舰|示范|样板|标准|优质|一流|领先|全新|亮相|登场|焕新|红盘"
          + "|不惧|考验|大美|理想|幸福|升值|潜力|稀缺|不可复制|顶级|奢|耀");

  /** Words of a letter to officials: the genre of most complaints on government boards. */
  private static final String LETTER = ("尊敬的|领导|书记|市长|县长|区长|局长|主任|您好|贵局|贵单位|贵部门|政府|相关部门|有关部门");

  /** Words of the handover domain: where neutral news and inquiries live (reviews rarely). */
  private static final String DOMAIN =
      ("业主|小区|开发商|物业|楼盘|房产|住房|房价|交房|购房|商品房|领导|政府|书记|市长|县长|区长|社区"
          + "|街道|住建|规划|房企|楼市|地产|二手房|学区|业委会|楼栋|单元|不动产|住宅|安置|拆迁");

  /**
   * Words of the world a handover watch reads about — estates, property, public services,
   * officials, the press — and that product, hotel or food reviews rarely use. Texts that carry one
   * get stance weights of their own (see {@link SentimentModel#STANCE_INPUTS}).
   */
  private static final String WATCHED_WORLD =
      ("业主|小区|开发商|物业|楼盘|房产|住房|房价|房企|楼市|地产|交房|购房|商品房|二手房|学区|业委会|楼栋"
          + "|不动产|住宅|安置|拆迁|政府|领导|书记|市长|县长|区长|社区|街道|住建|规划|部门|居民|市民|村民"
          + "|群众|记者|报道|政策|工程|项目|施工|工地|违规|违反|处罚|法院|律师|合同|产权|供暖|燃气|天然气"
          + "|公交|学校|学位|村里|镇上|乡镇|县城|市区|城区|片区|征收|土地|房子|新房|买房|卖房");

  /**
   * Markup of social posts: mentions, links, reposts and #topics#, which carry no stance of the
   * writer (a topic's words are the topic's, and would teach the model a topic, not a stance).
   */
  private static final Pattern SOCIAL_MARKUP =
      Regexes.firstChars(
          "@/h#",
          "//@[^:：\\s]{1,30}[:：]?|@[^\\s:：@/，,。!！?？()（）\\[\\]]{1,30}|https?://[!-~]+"
              + "|#[^#\\n]{1,40}#");

  private static final String FIRST_PERSON = ("我们|我家|本人|我|咱们|业主们");

  private static final CueCounter CUES =
      new CueCounter(
          List.of(
              COMPLAINT,
              BLAME,
              INQUIRY,
              SUGGESTION,
              NEWS_VOCABULARY,
              REPORTED,
              PRAISE,
              PROMOTION,
              LETTER,
              DOMAIN,
              WATCHED_WORLD,
              FIRST_PERSON));

  private final SentimentLexicon lexicon;

  SentimentFeatures(SentimentLexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** Features of a normalised text and its tokens. */
  FeatureVector extract(String normalized, List<Token> tokens) {
    // letter politeness (感谢您在百忙之中…) and social markup (@names, links) are no stance: their
    // tokens are left out
    boolean[] skip = SentimentLexicon.politeSpans(normalized);
    int markup = markSocial(normalized, skip);
    String text = SentimentLexicon.stripPoliteness(normalized, skip);
    // words of texts of the watched world get a second feature of their own, so the stance layer
    // can learn what a word means there without changing what it means in a review
    int[] cues = CUES.count(text);
    boolean watched = cues[10] > 0;
    // a first line followed by more text is a title: what the writer says the message is
    int titleEnd = normalized.indexOf('\n');
    if (titleEnd < 0 || normalized.substring(titleEnd).isBlank()) {
      titleEnd = 0;
    }
    List<Token> kept = new ArrayList<>(tokens.size());
    int cap = 64 + tokens.size() * 3 + normalized.length() * 2;
    int[] idx = new int[cap];
    float[] val = new float[cap];
    int[] ends = new int[16];
    int sentences = 0;
    int n = 0;
    int[] titleIdx = new int[16];
    int titleWords = 0;
    boolean negate = false;
    int scope = 0;
    char prev = 0;
    int offset = 0;
    for (Token t : tokens) {
      String w = t.word();
      int start = offset;
      offset += w.length();
      if (start < skip.length && skip[start]) {
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
      if (watched) {
        idx[n] = hash(negate ? 'N' : 'W', w);
        val[n++] = 1;
      }
      if (start < titleEnd) {
        if (titleWords == titleIdx.length) {
          titleIdx = Arrays.copyOf(titleIdx, titleWords * 2);
        }
        titleIdx[titleWords++] = hash('t', w);
      }
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
    // title words weigh as a short text of their own, not as a sliver of a long letter
    for (int i = 0; i < titleWords && n < cap - 8; i++) {
      idx[n] = titleIdx[i];
      val[n++] = (float) (1 / Math.sqrt(titleWords));
    }
    // length normalisation keeps long letters from drowning short posts
    float scale = (float) (1 / Math.sqrt(Math.max(1, bag)));
    for (int i = 0; i < bag; i++) {
      val[i] *= scale;
    }
    int emoticons = 0;
    Matcher m = EMOTICON.matcher(text);
    while (text.indexOf('[') >= 0 && m.find() && n < cap - 8) {
      idx[n] = hash('e', m.group());
      val[n++] = 0.5f;
      emoticons++;
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
    dense[8] = Math.log1p(cues[0]);
    dense[9] = Math.log1p(cues[1]);
    dense[10] = Math.log1p(cues[2]);
    dense[11] = Math.log1p(cues[3]);
    dense[12] = Math.log1p(count(NEWS_FORM, text));
    dense[13] = Math.log1p(cues[4]);
    dense[14] = Math.log1p(cues[5]);
    dense[15] = Math.log1p(cues[6]);
    dense[16] = Math.log1p(cues[7]);
    dense[17] = Math.log1p(cues[11]);
    dense[18] = Math.log1p(cues[8]);
    dense[19] = Math.log1p(countChars(text, '!', '！'));
    dense[20] = Math.log1p(countChars(text, '?', '？'));
    dense[21] = endsWithQuestion(text) ? 1 : 0;
    dense[22] = Math.log1p(text.length()) / 5;
    dense[23] = headline(text) ? 1 : 0;
    dense[24] = s.sarcasm() ? 1 : 0;
    dense[25] = Math.log1p(cues[9]);
    dense[26] = watched ? 1 : 0;
    dense[27] = markup + emoticons > 0 ? 1 : 0;
    return new FeatureVector(
        Arrays.copyOf(idx, n),
        Arrays.copyOf(val, n),
        Arrays.copyOf(ends, sentences),
        scale,
        dense,
        text.length());
  }

  /** Marks social markup in {@code skip}; returns how many pieces it found. */
  private static int markSocial(String text, boolean[] skip) {
    if (text.indexOf('@') < 0 && text.indexOf('#') < 0 && !text.contains("http")) {
      return 0;
    }
    Matcher m = SOCIAL_MARKUP.matcher(text);
    int found = 0;
    while (m.find()) {
      Arrays.fill(skip, m.start(), m.end(), true);
      found++;
    }
    return found;
  }

  private static boolean symbol(int cp) {
    return Character.getType(cp) == Character.OTHER_SYMBOL
        || Character.isSupplementaryCodePoint(cp);
  }

  private static int count(Pattern p, String text) {
    Matcher m = p.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** A headline: short, one line, no full stop (a title alone, or a title repeated as text). */
  static boolean headline(String text) {
    String t = text.strip();
    return !t.isEmpty() && t.length() <= 50 && t.indexOf('。') < 0 && t.indexOf('\n') < 0;
  }

  private static boolean endsWithQuestion(String text) {
    for (int i = text.length() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && "。.!！~～…".indexOf(c) < 0) {
        return c == '?' || c == '？';
      }
    }
    return false;
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
