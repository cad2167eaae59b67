package dev.yuqing.analysis;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import dev.yuqing.core.Entity;
import dev.yuqing.core.config.ProjectConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entities that matter during handover: the configured projects, developers and property companies,
 * others that are built like them, buildings and units (3栋2单元1502). Thread-safe.
 *
 * <p>An unconfigured name is found by its head and built back from it over the segmented words. A
 * company name is a trade name (字号) before the industry word (房地产 地产 置业 物业), optionally followed by
 * more of the trade (开发 服务 …) and the company form (有限公司): 华汇房地产开发有限公司. An estate name is a name
 * before an estate word (花园 家园 新城 … or 小区): 丽发新城, 金麓小区.
 *
 * <p>The name before the head is the run of words right before it that can be part of a name, two
 * to a few characters. It ends at grammar (的 和 向 某), at a word that is or can be a verb, adverb,
 * pronoun, numeral or time word (防止房地产, 保障房地产, 要求物业, 我们小区), at a region or road (长沙市华汇… → 华汇…) and
 * at a generic noun (政府 开发商 社区). A run longer than a name can be is no name: where it starts cannot
 * be told. Nor is a run that only names a kind (商业地产, 安置小区, 商品房小区, 城市广场), only adjectives or an
 * adjective before a common noun (美好家园, 人口密集小区), or one common noun (问题物业). What comes after the
 * industry word can show it is no company (物业管理费, 房地产市场).
 */
final class EntityExtractor {
  private static final String NUM = "(\\d{1,3}|[一二三四五六七八九十]{1,3})";
  private static final Pattern ADDRESS =
      Pattern.compile(
          "([a-z]?"
              + NUM
              + "(栋|幢|号楼|座))"
              + "(\\s*("
              + NUM
              + "单元)?\\s*(\\d{3,4}(室|房|号)?)?)?"
              + "|("
              + NUM
              + "单元\\s*\\d{3,4}(室|房)?)");
  private static final Cues ADDRESS_HINTS = Cues.of("栋|幢|号楼|座|单元");

  // no 公园: parks (白石湖公园) outnumber the estates named after one
  private static final String ESTATE_AREA = "小区";
  private static final Cues ESTATE =
      Cues.of(ESTATE_AREA + "|花园|家园|公馆|华府|山庄|名郡|新村|佳苑|景苑|雅苑|嘉园|大厦|广场|公寓|国际城|新城|御府|雅居|名苑|水郡");

  /** Estate words that are also common nouns: an adjective before them describes, not names. */
  private static final Set<String> COMMON_HEADS =
      Set.of(ESTATE_AREA, "家园", "花园", "广场", "公寓", "大厦", "新村");

  private static final Cues PHASE = Cues.of("一期|二期|三期|四期|五期|六期|七期|八期|九期|十期");

  /** Industry words that end a trade name (longest first): 物业 names a property company. */
  private static final Cues INDUSTRY = Cues.of("房地产|地产|置业|物业公司|物业");

  /** Words of the trade between a trade name and the industry word (阳光投资置业). */
  private static final Set<String> TRADE_BEFORE = Set.of("投资", "实业", "房产");

  /** Words of the trade after the industry word (华汇房地产开发有限公司). */
  private static final Set<String> TRADE_AFTER =
      Set.of("开发", "投资", "发展", "服务", "管理", "经营", "顾问", "咨询", "经纪", "代理", "建设", "控股", "股份");

  /** Company forms: the end of a full company name. */
  private static final Set<String> FORM =
      Set.of("有限公司", "有限责任公司", "股份有限公司", "集团", "集团有限公司", "公司", "分公司", "子公司", "总公司");

  /** Forms of a registered name: its trade name may be an ordinary word (阳光投资置业有限公司). */
  private static final Set<String> REGISTERED = Set.of("有限公司", "有限责任公司", "股份有限公司", "集团有限公司");

  /** Longest trade name and estate name before its head, in characters. */
  private static final int MAX_TRADE_NAME = 4;

  private static final int MAX_ESTATE_NAME = 6;

  /** Grammar that one-character words can be: never part of a name here. */
  private static final String GRAMMAR =
      "的地得了着过和与及跟同或并而在于向对把被给从到由为让使将该本这那某其各每此是有也都还又就才已再很太更最不没未均仅我你他她它咱们个位些等要想能会可应须几";

  /**
   * Regions and roads: a name after one starts after it (市华汇房地产 → 华汇房地产, 高新区金领公寓 → 金领公寓, 经贸路蝴蝶谷小区 →
   * 蝴蝶谷小区).
   */
  private static final String REGION = "省市区县镇乡路街巷";

  /** Place words after a noun (前提下, 几年后): right before a head they end a phrase, not a name. */
  private static final String LOCATIVE = "上下里内外前后旁边";

  /** Date and number words: after a number they end a name (12日金科物业 → 金科物业). */
  private static final String AFTER_NUMBER = "年月日号";

  /** What follows an industry word that is not a company: a law, a sector (物业管理条例, 房地产市场). */
  private static final Set<String> NOT_A_COMPANY_AFTER =
      Set.of(
          "条例", "办法", "规定", "法", "政策", "市场", "行业", "企业", "纠纷", "管理费", "服务费", "费用", "维修", "基金", "合同",
          "用房", "区域", "交接");

  /** Nouns that come before a head without being a name (政府房地产管理部门, 开发商和物业, 社区花园). */
  private static final Set<String> GENERIC =
      Set.of(
          "政府", "部门", "单位", "群众", "居民", "业主", "市场", "开发商", "社区", "街道", "小区", "物业", "公司", "集团", "企业",
          "行业", "全国", "国内", "我国", "全市", "本市", "我市", "该市", "当地", "本地", "城区", "新区", "片区", "地区", "周边",
          "附近", "其他", "其它", "所有", "整个", "一个", "这个", "那个", "现在", "目前", "我们", "你们", "他们", "大家", "所在",
          "相关", "有关", "各类", "各种", "人民", "城乡", "农村", "城镇", "上述", "前述", "下述", "同一", "商圈");

  /** Kinds of real estate before an industry word (商业地产, 养老地产): a sector, not a trade name. */
  private static final Set<String> PROPERTY_KINDS =
      Set.of(
          "商业", "住宅", "旅游", "养老", "工业", "文旅", "文化", "产业", "商住", "海外", "品牌", "健康", "城市", "乡村", "知名",
          "大型", "中小", "民营", "国有", "私人", "公共", "前期", "新老", "现有", "原有");

  /** Kinds of estate before an estate word (安置小区, 人才公寓, 城市广场); stems ending in 房 too. */
  private static final Set<String> ESTATE_KINDS =
      Set.of(
          "安置", "住宅", "老旧", "高档", "普通", "大型", "新建", "封闭式", "开放式", "拆迁", "回迁", "保障", "保障性", "商品",
          "示范", "标杆", "文明", "智慧", "平安", "和谐", "职工", "高端", "中高档", "别墅", "人才", "青年", "单身", "学生",
          "酒店式", "城市", "文化", "中心", "休闲", "市民", "体育", "主题", "生态", "商业", "家属", "开放性");

  /** Readings that make a word grammar or a predicate when they are this share of its uses. */
  private static final double PREDICATE_SHARE = 0.1;

  /** Proper-noun readings below this share make a dictionary word ordinary. */
  private static final double PROPER_SHARE = 0.05;

  private static final String COMPASS = "东南西北中";

  /** Uses in the core dictionary from which a noun is a common one. */
  private static final int COMMON_FREQUENCY = 20;

  /** Uses in the core dictionary above which a character is a word of its own. */
  private static final int STANDALONE_FREQUENCY = 60;

  private final List<Named> names = new ArrayList<>();

  private record Named(String surface, Entity.Type type) {}

  /**
   * How the name before a head is judged.
   *
   * @param max longest name, in characters
   * @param kinds words that name a kind, not a thing
   * @param described the head is a common noun: an adjective before it describes
   * @param registered the name is a registered company name: an ordinary word can be its trade name
   */
  private record Rule(int max, Set<String> kinds, boolean described, boolean registered) {}

  EntityExtractor(List<ProjectConfig> projects) {
    for (ProjectConfig p : projects) {
      add(p.name(), Entity.Type.PROJECT);
      p.aliases().forEach(a -> add(a, Entity.Type.PROJECT));
      p.developer().forEach(d -> add(d, Entity.Type.DEVELOPER));
      p.propertyCompany().forEach(c -> add(c, Entity.Type.PROPERTY_COMPANY));
    }
    // longest names first, so 华景物业 is not also read as 华景
    names.sort((a, b) -> b.surface.length() - a.surface.length());
  }

  private void add(String name, Entity.Type type) {
    String n = TextNormalizer.normalize(name).strip();
    if (!n.isEmpty()) {
      names.add(new Named(n, type));
    }
  }

  /**
   * Entities in a segmented normalised text ({@link Segmenter#terms}), in order of kind, without
   * duplicates.
   */
  List<Entity> extract(List<Token> tokens) {
    Words words = new Words(tokens);
    String text = words.text;
    Set<Entity> out = new LinkedHashSet<>();
    boolean[] taken = new boolean[text.length()];
    for (Named n : names) {
      // longest first: 翠湖家园 inside 翠湖家园三期 is that name, not another mention
      for (int i = text.indexOf(n.surface); i >= 0; i = text.indexOf(n.surface, i + 1)) {
        if (!anyTaken(taken, i, i + n.surface.length())) {
          out.add(new Entity(n.type, n.surface));
          Arrays.fill(taken, i, i + n.surface.length(), true);
        }
      }
    }
    companies(words, taken, out);
    estates(words, taken, out);
    Matcher m = ADDRESS.matcher(ADDRESS_HINTS.in(text) ? text : "");
    while (m.find()) {
      if (m.group(1) != null) {
        out.add(new Entity(Entity.Type.BUILDING, m.group(1)));
        String tail = m.group(4);
        if (tail != null && !tail.isBlank()) {
          out.add(new Entity(Entity.Type.UNIT, m.group().replace(" ", "")));
        }
      } else {
        out.add(new Entity(Entity.Type.UNIT, m.group().replace(" ", "")));
      }
    }
    return new ArrayList<>(out);
  }

  /** Trade name, trade words, industry word, more trade words up to a company form. */
  private static void companies(Words w, boolean[] taken, Set<Entity> out) {
    String text = w.text;
    int i = 0;
    while (i < text.length()) {
      String industry = taken[i] || !w.startsWord(i) ? null : INDUSTRY.at(text, i);
      if (industry == null || !w.endsWord(i + industry.length())) {
        i++;
        continue;
      }
      int end = i + industry.length();
      int nameEnd = end;
      boolean form = false;
      boolean registered = false;
      boolean company = true;
      for (int k = w.wordAt(end); k < w.size(); k++) {
        String next = w.word(k);
        if (FORM.contains(next)) {
          nameEnd = w.end(k);
          form = true;
          registered |= REGISTERED.contains(next);
        } else if (!TRADE_AFTER.contains(next)) {
          company = form || !NOT_A_COMPANY_AFTER.contains(next);
          break;
        }
      }
      int stemEnd = i;
      int k = w.wordAt(i) - 1;
      while (k >= 0 && TRADE_BEFORE.contains(w.word(k))) {
        stemEnd = w.start(k--);
      }
      Rule rule = new Rule(MAX_TRADE_NAME, PROPERTY_KINDS, false, registered);
      int from = company ? stemStart(w, stemEnd, rule, taken) : -1;
      // 景蓉华苑物业 is the estate's management office; a company is named in full (…置业有限公司)
      if (from >= 0 && !form && endsWithEstateWord(text, from, stemEnd)) {
        from = -1;
      }
      if (from >= 0) {
        Entity.Type type =
            industry.startsWith("物业") ? Entity.Type.PROPERTY_COMPANY : Entity.Type.DEVELOPER;
        out.add(new Entity(type, text.substring(from, nameEnd)));
        Arrays.fill(taken, from, nameEnd, true);
        i = nameEnd;
      } else {
        i = end;
      }
    }
  }

  /** Estate name and estate word; a phase and 小区 after it are not part of it (丽发新城二期小区). */
  private static void estates(Words w, boolean[] taken, Set<Entity> out) {
    String text = w.text;
    int i = 0;
    while (i < text.length()) {
      String head = taken[i] ? null : ESTATE.at(text, i);
      if (head == null || !w.startsWord(i) || !w.endsWord(i + head.length())) {
        i++;
        continue;
      }
      int end = i + head.length();
      boolean area = head.equals(ESTATE_AREA);
      Rule rule = new Rule(MAX_ESTATE_NAME, ESTATE_KINDS, COMMON_HEADS.contains(head), false);
      int from = stemStart(w, i, rule, taken);
      if (from >= 0 && !(area && endsWithEstateWord(text, from, i))) {
        out.add(new Entity(Entity.Type.PROJECT, text.substring(from, end)));
        String phase = end < text.length() ? PHASE.at(text, end) : null;
        int after = phase == null ? end : end + phase.length();
        if (!area && text.startsWith(ESTATE_AREA, after)) {
          end = after + ESTATE_AREA.length();
        }
      }
      i = end;
    }
  }

  /** 花园 of 花园小区 is the estate word; its stem was judged there. */
  private static boolean endsWithEstateWord(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      String head = ESTATE.at(text, i);
      if (head != null && i + head.length() == to) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where the name that ends at {@code end} starts: the words before it that can be part of a name,
   * or -1 when there are none, fewer than 2 characters, more than a name can have, only kinds (or a
   * kind of housing, 商品房), only adjectives, one ordinary word, or an adjective before a common
   * noun.
   */
  private static int stemStart(Words w, int end, Rule rule, boolean[] taken) {
    int last = w.wordAt(end) - 1;
    int first = last + 1;
    for (int k = last; k >= 0; k--) {
      int start = w.start(k);
      String word = w.word(k);
      if (!allHan(word)
          || anyTaken(taken, start, w.end(k))
          || boundary(word, w.pos(k))
          || (AFTER_NUMBER.contains(word) && k > 0 && !allHan(w.word(k - 1)))) {
        break;
      }
      if (end - start > rule.max()) {
        return -1;
      }
      first = k;
    }
    if (first < last
        && end - w.start(first) >= 3
        && w.word(first).length() == 1
        && standalone(w.word(first))) {
      first++; // 找恒大地产, 后长城物业: a word of its own before the name
    }
    if (first > last
        || end - w.start(first) < 2
        || w.text.charAt(end - 1) == '房'
        || LOCATIVE.contains(w.word(last))) {
      return -1;
    }
    boolean onlyKinds = true;
    boolean onlyAdjectives = true;
    for (int k = first; k <= last; k++) {
      onlyKinds &= rule.kinds().contains(w.word(k));
      onlyAdjectives &= w.pos(k).startsWith("a");
    }
    if (onlyKinds
        || onlyAdjectives
        || (first == last && !rule.registered() && ordinary(w.word(last)))
        || (rule.described() && w.pos(last).startsWith("a"))) {
      return -1;
    }
    return w.start(first);
  }

  private static boolean boundary(String word, String pos) {
    if (GENERIC.contains(word)) {
      return true;
    }
    if (word.length() == 1) {
      char c = word.charAt(0);
      return GRAMMAR.indexOf(c) >= 0 || REGION.indexOf(c) >= 0 || startsWithAny(pos, "pcuryeow");
    }
    char lastChar = word.charAt(word.length() - 1);
    if (REGION.indexOf(lastChar) >= 0 && (lastChar != '市' || pos.startsWith("ns"))) {
      // 城市 and 超市 are not regions
      return true;
    }
    // 新的, 范围内: a modifier or a place phrase, not a name
    if (lastChar == '的' || lastChar == '内' || lastChar == '外') {
      return true;
    }
    return pos.equals("ad")
        || pos.startsWith("nnt")
        || pos.startsWith("nnd")
        || pos.startsWith("nis")
        || PHASE.at(word, 0) != null
        || startsWithAny(pos, "vdpcrumqtfyeowsli")
        || predicate(word);
  }

  /**
   * True for a common noun of the core dictionary, one that is rarely a proper noun (问题物业, 时间物业,
   * 国际新城, 实际小区): a name is more than a common word. Descriptive words (鼎盛置业, 锦绣华府) and rare nouns
   * are names often enough. (The custom dictionary reads brands and ordinary compounds alike as nz,
   * so it tells nothing here.)
   */
  private static boolean ordinary(String word) {
    CoreDictionary.Attribute a = CoreDictionary.get(word);
    return a != null
        && a.totalFrequency >= COMMON_FREQUENCY
        && share(a, "n", "t", "s", "f") >= 0.5
        && share(a, "nr", "ns", "nt", "nz", "j") < PROPER_SHARE;
  }

  /**
   * True for a single character that the core dictionary often reads as a verb, time or place word;
   * the compass points begin names (东成, 南山) and are not.
   */
  private static boolean standalone(String character) {
    CoreDictionary.Attribute a = CoreDictionary.get(character);
    return a != null
        && COMPASS.indexOf(character.charAt(0)) < 0
        && a.totalFrequency >= STANDALONE_FREQUENCY
        && share(a, "v", "f", "t", "d", "b") >= 0.5;
  }

  /** The share of the word's uses under tags starting with one of these. */
  private static double share(CoreDictionary.Attribute a, String... tags) {
    if (a.totalFrequency <= 0) {
      return 0;
    }
    int n = 0;
    for (int i = 0; i < a.nature.length; i++) {
      String tag = a.nature[i] == null ? "" : a.nature[i].toString();
      for (String t : tags) {
        if (tag.startsWith(t)) {
          n += a.frequency[i];
          break;
        }
      }
    }
    return (double) n / a.totalFrequency;
  }

  private static CoreDictionary.Attribute attribute(String word) {
    CoreDictionary.Attribute a = CoreDictionary.get(word);
    return a != null ? a : CustomDictionary.get(word);
  }

  /** True when the dictionary reads the word often enough as a verb, adverb or grammar (要求, 稳定). */
  private static boolean predicate(String word) {
    CoreDictionary.Attribute a = attribute(word);
    return a != null && share(a, "v", "d", "p", "c") >= PREDICATE_SHARE;
  }

  private static boolean startsWithAny(String pos, String initials) {
    return !pos.isEmpty() && initials.indexOf(pos.charAt(0)) >= 0;
  }

  private static boolean anyTaken(boolean[] taken, int from, int to) {
    for (int i = from; i < to; i++) {
      if (taken[i]) {
        return true;
      }
    }
    return false;
  }

  private static boolean allHan(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return !s.isEmpty();
  }
}
