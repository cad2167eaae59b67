package dev.yuqing.crawler.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Takes what is not article out of the body's lines: blocks whose class or id marks them as
 * boilerplate (when small, or when they follow the article), share prompts anywhere, the headline,
 * byline and photo credits before the first paragraph, and the furniture of Chinese news after the
 * last one — editor and source lines, disclaimers, 扫一扫 and 关注公众号 prompts, related-news lists,
 * comment sections, read counters, copyright.
 */
final class BoilerplateFilter implements ArticlePart {
  /** Class/id words that mark a block as boilerplate whatever else it says. */
  private static final Set<String> STRONG =
      Set.of(
          "comment",
          "comments",
          "cmt",
          "reply",
          "replies",
          "footer",
          "foot",
          "copyright",
          "sidebar",
          "related",
          "recommend",
          "share",
          "sharing",
          "breadcrumb",
          "crumb",
          "crumbs",
          "nav",
          "navbar",
          "menu",
          "ad",
          "ads",
          "advert",
          "advertisement",
          "sponsor",
          "banner",
          "gg",
          "guanggao",
          "login",
          "qrcode",
          "ewm",
          "statement",
          "disclaimer",
          "pager",
          "pagination",
          "subscribe");

  /** Words that mark a block unless it also calls itself article text ("more-content"). */
  private static final Set<String> WEAK =
      Set.of(
          "hot",
          "rank",
          "ranking",
          "more",
          "next",
          "prev",
          "bottom",
          "side",
          "tags",
          "keywords",
          "tools",
          "toolbar",
          "follow",
          "relate",
          "recommends");

  private static final Set<String> ARTICLE =
      Set.of("article", "content", "text", "body", "main", "post", "entry", "detail");

  /** Lines that are never body wherever they stand: breadcrumbs, share, print and font prompts. */
  private static final Pattern FURNITURE =
      Pattern.compile(
          "^[【\\[(（]?\\s*(?:扫一扫|掃一掃|扫描二维码|掃描二維碼|分享到|分享至|打印本页|打印本頁|关闭窗口|關閉窗口"
              + "|字号|字號|返回顶部|返回頂部|收藏本文|当前位置|當前位置|您的位置|你的位置|您现在的位置|所在位置)"
              + ".{0,50}$");

  /** Headings of what follows an article: comment sections, related lists, next/previous. */
  private static final Pattern SECTION =
      Pattern.compile(
          "^[【\\[(（]?\\s*(?:(?:网友|網友|热门|熱門|最新|全部|精彩|相关|相關|用户|用戶)?(?:评论|評論|留言)(?:列表)?"
              + "\\s*[（(]?\\s*\\d*\\s*[)）]?\\s*[】\\]]?$"
              + "|(?:发表|發表|我要|参与|參與|查看|更多)(?:评论|評論|留言)|我来说两句|我來說兩句"
              + "|.{0,60}已有\\s*\\d+\\s*(?:人|条|條|件)\\s*(?:评论|評論|留言|参与|參與)"
              + "|(?:相关|相關|延伸|推荐|推薦|热门|熱門|精彩)(?:阅读|閱讀|新闻|新聞|文章|推荐|推薦|专题|專題)"
              + "|猜你喜欢|猜你喜歡|上一篇|下一篇)");

  /**
   * Lines after which nothing is article once half of it is behind: share prompts, disclaimers,
   * read counters, copyright.
   */
  private static final Pattern HARD_STOP =
      Pattern.compile(
          "^[【\\[(（]?\\s*(?:扫一扫|掃一掃|扫描二维码|掃描二維碼|.{0,10}关注(?:微信)?公众号|.{0,10}關注(?:微信)?公眾號"
              + "|(?:特别|特別|免责|免責|版权|版權|郑重|鄭重|本站)?(?:声明|聲明)\\s*[:：]"
              + "|.{0,30}(?:本站郑重声明|本站鄭重聲明|版权与免责声明|版權與免責聲明)"
              + "|.{0,40}(?:版权所有|版權所有|未经授权|未經授權|禁止转载|禁止轉載|转载请注明|轉載請註明)"
              + "|(?:copyright|©)"
              + "|.{0,40}(?:已被阅读|已被閱讀|阅读次数|閱讀次數|浏览次数|瀏覽次數)\\s*[:：]?\\s*\\d+)",
          Pattern.CASE_INSENSITIVE);

  /**
   * Lines that end an article when no prose follows them: editor and source lines, the original
   * title, "back to" links.
   */
  private static final Pattern SOFT_STOP =
      Pattern.compile(
          "^(?:[(（\\[【]?\\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯|校对|校對|审核|審核|审校|監製|"
              + "监制|策划|策劃)\\s*[:：/／]"
              + "|(?:作者|撰文|文字|记者|記者|本文来源|本文來源|来源|來源|稿源|图片来源|圖片來源|图|圖|摄影|攝影)"
              + "\\s*[:：/／]"
              + "|返回.{0,6}(?:首页|首頁|搜狐|顶部|頂部|列表)|查看更多|点击查看|點擊查看|阅读原文|閱讀原文"
              + "|[（(]\\s*原题为|[（(]\\s*原標題為|原标题[:：]|图片均来自|图片来自网络|圖片來自網絡)");

  /** Lines of the byline block before the first paragraph. */
  private static final Pattern HEAD_NOISE =
      Pattern.compile(
          "^(?:.{0,30}(?:来源|來源|作者|编辑|編輯|责编|記者|记者|执笔|執筆|发布时间|發布時間|发表于|發表於|"
              + "时间|時間|字号|阅读|閱讀|浏览|分享到|原创|稿源)[:：/].{0,60}|.{0,20}\\d{4}[-/年.]\\d{1,2}[-/月.]"
              + "\\d{1,2}.{0,40}|.{0,8}\\d{1,2}[:：]\\d{2}.{0,30})$");

  /** A URL or a date written in English on a line of its own. */
  private static final Pattern HEAD_LABEL =
      Pattern.compile(
          "(?i)(?:https?://|www\\.)\\S+"
              + "|.{0,20}\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}"
              + "(?:st|nd|rd|th)?,?\\s.{0,10}(?:19|20)\\d{2}.{0,20}");

  /** Photo credits and captions that open an article before its first paragraph. */
  private static final Pattern HEAD_CREDIT =
      Pattern.compile(".{0,30}(资料图|資料圖|供图|供圖|视觉中国|視覺中國|图片来源|圖片來源|图源|圖源|摄影|攝影|新华社发|图/|圖/).{0,20}");

  /** A hard stop among the last lines ends the article wherever the prose is. */
  private static final int TAIL_WINDOW = 3;

  /** Whether the class or id of {@code e} marks it as boilerplate. */
  static boolean marked(Element e) {
    String c = Dom.classAndId(e);
    if (c.isBlank()) {
      return false;
    }
    boolean weak = false;
    boolean article = false;
    int from = 0;
    for (int i = 0; i <= c.length(); i++) {
      if (i == c.length()
          || Character.isWhitespace(c.charAt(i))
          || c.charAt(i) == '_'
          || c.charAt(i) == '-') {
        if (i > from) {
          String tok = c.substring(from, i);
          if (STRONG.contains(tok)) {
            return true;
          }
          weak |= WEAK.contains(tok);
          article |= ARTICLE.contains(tok);
        }
        from = i + 1;
      }
    }
    return weak && !article;
  }

  @Override
  public Draft apply(Page page, Draft d) {
    if (d.lines() == null) {
      return d;
    }
    List<Runs.Run> lines =
        d.blocks() == null ? d.lines() : unmarked(d.lines(), d.blocks(), page.marks());
    lines = new ArrayList<>(lines);
    lines.removeIf(r -> r.chars() <= 60 && FURNITURE.matcher(r.text()).matches());
    head(lines, d.title());
    tail(lines);
    return d.withLines(lines);
  }

  /**
   * The lines outside marked blocks, and those of marked blocks that carry much of the text: a
   * marked block after the article's last unmarked paragraph goes unless it outweighs the article,
   * one inside it unless it holds a third of the text.
   */
  static List<Runs.Run> unmarked(List<Runs.Run> lines, List<Element> blocks, Marks marks) {
    Map<Element, List<Integer>> groups = new IdentityHashMap<>();
    List<Element> groupOf = new ArrayList<>();
    int lastProse = -1;
    double total = 0;
    double unmarkedMass = 0;
    for (int i = 0; i < lines.size(); i++) {
      Runs.Run r = lines.get(i);
      Element g = outermostMarked(r.owner(), blocks, marks);
      groupOf.add(g);
      double v = Math.max(0, r.value());
      total += v;
      if (g == null) {
        unmarkedMass += v;
        if (r.prose()) {
          lastProse = i;
        }
      } else {
        groups.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
      }
    }
    List<Runs.Run> out = new ArrayList<>();
    Map<Element, Boolean> keep = new IdentityHashMap<>();
    for (Map.Entry<Element, List<Integer>> en : groups.entrySet()) {
      double mass = 0;
      for (int i : en.getValue()) {
        mass += Math.max(0, lines.get(i).value());
      }
      boolean trailing = en.getValue().get(0) > lastProse;
      keep.put(en.getKey(), trailing ? mass > unmarkedMass : mass >= 0.3 * total);
    }
    for (int i = 0; i < lines.size(); i++) {
      Element g = groupOf.get(i);
      if (g == null || keep.get(g)) {
        out.add(lines.get(i));
      }
    }
    return out;
  }

  /** The outermost marked element between a line's owner and its block (exclusive), or null. */
  private static Element outermostMarked(Element owner, List<Element> blocks, Marks marks) {
    Element found = null;
    for (Element x = owner; x != null && !blocks.contains(x); x = x.parent()) {
      if (marks.of(x)) {
        found = x;
      }
    }
    return found;
  }

  /** Drops the headline, byline, date and credit lines before the first paragraph. */
  static void head(List<Runs.Run> lines, String title) {
    String t = title == null ? null : Text.clean(title);
    while (!lines.isEmpty()) {
      String l = lines.get(0).text();
      if (isTitle(l, t)
          || (l.length() <= 80 && HEAD_NOISE.matcher(l).matches() && !endsSentence(l))
          || (l.length() <= 60 && HEAD_LABEL.matcher(l).matches())
          || (l.length() <= 30 && HEAD_CREDIT.matcher(l).matches() && lines.size() > 1)
          || (l.length() <= 4 && Runs.count(Runs.PUNCT, l) == 0)) {
        lines.remove(0);
      } else {
        break;
      }
    }
    if (!lines.isEmpty()) {
      // a gallery's "1/10" counter before its first caption
      Runs.Run r = lines.get(0);
      String s = r.text().replaceFirst("^\\d{1,3}\\s*/\\s*\\d{1,3}\\s+(?=\\S)", "");
      if (!s.equals(r.text())) {
        lines.set(0, new Runs.Run(r.owner(), s, r.chars(), r.linkChars(), r.punct()));
      }
    }
  }

  /**
   * Ends the article at its furniture: at a comment or related-news heading after two paragraphs,
   * or another hard stop after half of the prose (or among the last lines); then at an editor or
   * source line that no prose follows; then drops short trailing labels.
   */
  static void tail(List<Runs.Run> lines) {
    int n = lines.size();
    double prose = 0;
    for (Runs.Run r : lines) {
      prose += r.prose() ? r.plain() : 0;
    }
    int end = n;
    double before = 0;
    int paragraphs = 0;
    for (int i = 1; i < n; i++) {
      Runs.Run r = lines.get(i - 1);
      before += r.prose() ? r.plain() : 0;
      paragraphs += r.prose() ? 1 : 0;
      String l = lines.get(i).text();
      if (l.length() <= 120
          && ((paragraphs >= 2 && SECTION.matcher(l).lookingAt())
              || ((before >= 0.5 * prose || i >= n - TAIL_WINDOW)
                  && HARD_STOP.matcher(l).lookingAt()))) {
        end = i;
        break;
      }
    }
    int cut = end;
    for (int i = end - 1; i >= 1; i--) {
      Runs.Run r = lines.get(i);
      if (r.text().length() <= 120 && SOFT_STOP.matcher(r.text()).lookingAt()) {
        cut = i;
      } else if (r.prose()) {
        break; // an editor line with prose after it is a roundup's, not the end
      }
    }
    lines.subList(cut, n).clear();
    while (lines.size() > 1) {
      String l = lines.get(lines.size() - 1).text();
      if (l.length() < 10 && Runs.count(Runs.PUNCT, l) == 0 && !l.matches(".*[(（]完[)）].*")) {
        lines.remove(lines.size() - 1);
      } else {
        break;
      }
    }
  }

  private static boolean isTitle(String l, String t) {
    if (t == null || t.isEmpty()) {
      return false;
    }
    if (l.equals(t)) {
      return true;
    }
    if (t.contains(l)) {
      return l.length() * 2 >= t.length();
    }
    // the headline with a badge or a site name around it, but not "原标题：…" which is body
    return l.contains(t)
        && l.length() <= t.length() + 8
        && !l.startsWith("原标题")
        && !l.startsWith("原標題");
  }

  private static boolean endsSentence(String l) {
    return l.endsWith("。") || l.endsWith("！") || l.endsWith("？");
  }
}
