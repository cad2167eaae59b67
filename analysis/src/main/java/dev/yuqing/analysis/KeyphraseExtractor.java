package dev.yuqing.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Key phrases: whole dictionary words (and adjacent noun compounds) filtered by part of speech and
 * length, ranked by frequency, title position and domain relevance. Unlike raw TextRank it never
 * returns fragments such as 「业主拉」, since it only joins whole words. Thread-safe.
 */
final class KeyphraseExtractor {
  static final int MAX = 8;

  /** Words too common in this domain to say what a post is about. */
  private static final Set<String> STOP =
      Set.of(
          "业主", "小区", "领导", "问题", "情况", "我们", "你们", "他们", "今年", "去年", "目前", "现在", "时候", "时间", "事情",
          "方面", "相关", "部门", "工作", "人员", "希望", "要求", "进行", "没有", "已经", "可以", "这个", "那个", "一个", "什么",
          "为什么", "怎么", "如何", "是否", "谢谢", "感谢", "您好", "你好", "尊敬", "书记", "市长", "县长", "区长", "省长", "请问",
          "本人", "我家", "大家", "自己", "东西", "地方", "一直", "至今", "多次", "不能", "不是", "但是", "因为", "所以", "如果",
          "而且", "以及", "还是", "就是", "然后", "其中", "通过", "表示", "认为", "知道", "觉得", "出现", "存在", "造成", "导致",
          "影响", "解决", "处理", "反映", "反应", "给予", "协调", "关注", "重视");

  private final Set<String> domainWords;

  KeyphraseExtractor(Set<String> domainWords) {
    this.domainWords = domainWords;
  }

  /** Key phrases of tokens; the first {@code titleTokens} tokens are the title. */
  List<String> extract(List<Token> tokens, int titleTokens) {
    Map<String, Double> score = new LinkedHashMap<>();
    Map<String, Integer> firstSeen = new HashMap<>();
    int i = 0;
    while (i < tokens.size()) {
      Token t = tokens.get(i);
      int j = i + 1;
      String phrase = null;
      if (candidate(t) && !STOP.contains(t.word())) {
        phrase = t.word();
        // join a run of nouns into one compound (卫生间 + 吊顶 → 卫生间吊顶), at most 3 words
        while (j < tokens.size()
            && j - i < 3
            && noun(t)
            && noun(tokens.get(j))
            && !STOP.contains(tokens.get(j).word())
            && (phrase + tokens.get(j).word()).length() <= 8) {
          phrase += tokens.get(j).word();
          j++;
        }
      }
      if (phrase != null) {
        double w = 1;
        if (i < titleTokens) {
          w += 1.5;
        }
        if (domainWords.contains(phrase)) {
          w += 1.5;
        }
        if (j - i > 1) {
          w += 0.5;
        }
        w += Math.min(phrase.length(), 6) * 0.1;
        score.merge(phrase, w, Double::sum);
        firstSeen.putIfAbsent(phrase, i);
      }
      i = j;
    }
    List<Map.Entry<String, Double>> ranked = new ArrayList<>(score.entrySet());
    ranked.sort(
        (a, b) -> {
          int c = Double.compare(b.getValue(), a.getValue());
          return c != 0 ? c : Integer.compare(firstSeen.get(a.getKey()), firstSeen.get(b.getKey()));
        });
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Double> e : ranked) {
      if (out.size() == MAX) {
        break;
      }
      // skip a word already inside a chosen compound
      String k = e.getKey();
      boolean covered = false;
      for (String o : out) {
        if (o.contains(k) || k.contains(o)) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        out.add(k);
      }
    }
    return out;
  }

  private boolean candidate(Token t) {
    String w = t.word();
    if (w.length() < 2 || w.length() > 10 || t.punctuation()) {
      return false;
    }
    if (domainWords.contains(w)) {
      return true;
    }
    String p = t.pos();
    if (p.startsWith("m") || p.startsWith("q") || p.startsWith("t") || p.startsWith("r")) {
      return false;
    }
    // nouns, names, organisations, places, verbal nouns and domain idioms
    return p.startsWith("n")
        || p.equals("vn")
        || p.startsWith("g")
        || p.equals("l")
        || p.equals("i");
  }

  /**
   * A word that can stand in a noun compound. Part-of-speech here is the dictionary's first reading
   * (no tagging pass, for speed), so words that end like verbs (拖着, 修了) are kept out.
   */
  private static boolean noun(Token t) {
    String p = t.pos();
    String w = t.word();
    char last = w.charAt(w.length() - 1);
    return w.length() >= 2
        && "着了过的".indexOf(last) < 0
        && (p.equals("n")
            || p.equals("nz")
            || p.equals("nt")
            || p.equals("ns")
            || p.equals("nis")
            || p.equals("nnt")
            || p.equals("nf"));
  }
}
