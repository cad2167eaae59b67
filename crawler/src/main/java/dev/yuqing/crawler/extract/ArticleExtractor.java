package dev.yuqing.crawler.extract;

import dev.yuqing.core.config.ArticleSelectors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Generic article extraction: no per-site rules. The body is the element whose text runs score
 * highest — prose (long runs with sentence punctuation) counts for it, link lists and short
 * fragments count against it — then cleaned of link blocks, boilerplate-marked sub-blocks, the
 * leading headline/byline lines and trailing editor lines and disclaimers. The headline is the
 * heading that best matches the document title (or og:title), else the title without its site
 * suffix. Thread-safe.
 */
public final class ArticleExtractor {
  private final Dates dates;

  public ArticleExtractor(Dates dates) {
    this.dates = dates;
  }

  public Article extract(Document doc) {
    return extract(doc, ArticleSelectors.NONE);
  }

  /** Extracts with per-site CSS overrides; anything not overridden is found generically. */
  public Article extract(Document doc, ArticleSelectors sel) {
    Element body = Dom.visibleBody(doc);
    for (String r : sel.remove()) {
      body.select(r).remove();
    }
    String title = null;
    if (sel.title() != null) {
      Element t = doc.selectFirst(sel.title());
      title = t == null ? null : Text.clean(t.text());
    }
    if (title == null || title.isEmpty()) {
      title = title(doc, body);
    }
    String text = null;
    if (sel.body() != null) {
      Element b = body.selectFirst(sel.body());
      if (b != null) {
        text = trim(Text.lines(b), title);
      }
    }
    if (text == null) {
      text = body(body, title);
    }
    Instant published = null;
    if (sel.time() != null) {
      Element t = doc.selectFirst(sel.time());
      if (t != null) {
        published = timeOf(t).orElse(null);
      }
    }
    if (published == null) {
      published = publishedAt(doc, body, title).orElse(null);
    }
    String author = null;
    if (sel.author() != null) {
      Element a = doc.selectFirst(sel.author());
      author = a == null ? null : Text.clean(a.text());
    }
    if (author == null || author.isEmpty()) {
      author = author(doc, body, title);
    }
    return new Article(doc.location(), title, published, author, text);
  }

  // ---------------------------------------------------------------- title

  private static final Pattern TITLE_SEPARATORS =
      Pattern.compile("\\s*(?:[_|｜–—]|\\s-\\s|--|-{1}(?=[^-]*$)|·(?=[^·]*$))\\s*");

  static String title(Document doc, Element body) {
    // capped: titles are short, and the matching below is quadratic in their length
    String docTitle = cap(Text.clean(doc.title()));
    String og = cap(meta(doc, "og:title", "twitter:title", "title", "headline"));
    List<String> refs = new ArrayList<>();
    if (og != null && og.length() >= 4) {
      refs.add(og);
    }
    if (!docTitle.isEmpty()) {
      refs.add(docTitle);
    }
    // headings and title-looking elements, in page order
    List<String> candidates = new ArrayList<>();
    for (Element h : body.select("h1, h2, h3, [class*=title], [id*=title], [class*=headline]")) {
      String t = Text.clean(h.text());
      if (t.length() >= 4 && t.length() <= 120) {
        candidates.add(t);
      }
    }
    String best = null;
    int bestLen = 0;
    for (String c : candidates) {
      for (String ref : refs) {
        String common = longestCommon(c, ref);
        int len = common.length();
        // the heading must be mostly the shared part (a badge like 原创 may precede it)
        if (len >= 4 && len >= 0.6 * c.length() && len > bestLen) {
          best = stripEdges(common);
          bestLen = len;
        }
      }
    }
    if (best != null && best.length() >= 4) {
      return best;
    }
    if (og != null && og.length() >= 4) {
      return stripSuffix(og);
    }
    if (!docTitle.isEmpty()) {
      return stripSuffix(docTitle);
    }
    Element h1 = body.selectFirst("h1");
    return h1 == null ? null : Text.clean(h1.text());
  }

  private static String cap(String s) {
    return s == null || s.length() <= 300 ? s : s.substring(0, 300);
  }

  /** "标题_新浪网" → "标题": the longest part between site separators. */
  static String stripSuffix(String t) {
    String[] parts = TITLE_SEPARATORS.split(t);
    String best = t;
    if (parts.length > 1) {
      best = "";
      for (String p : parts) {
        if (p.strip().length() > best.length()) {
          best = p.strip();
        }
      }
    }
    return best;
  }

  private static String stripEdges(String s) {
    return s.replaceAll("^[\\s_|｜\\-–—:：]+|[\\s_|｜\\-–—]+$", "");
  }

  /** Longest common substring (dynamic programming; titles are short). */
  static String longestCommon(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return "";
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    int best = 0;
    int end = 0;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        if (a.charAt(i - 1) == b.charAt(j - 1)) {
          cur[j] = prev[j - 1] + 1;
          if (cur[j] > best) {
            best = cur[j];
            end = i;
          }
        } else {
          cur[j] = 0;
        }
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return a.substring(end - best, end);
  }

  static String meta(Document doc, String... names) {
    for (String n : names) {
      for (Element m : doc.select("meta")) {
        String key = m.hasAttr("property") ? m.attr("property") : m.attr("name");
        if (key.isEmpty()) {
          key = m.attr("itemprop");
        }
        if (key.equalsIgnoreCase(n)) {
          String v = Text.clean(m.attr("content"));
          if (!v.isEmpty()) {
            return v;
          }
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- body

  private static final Pattern PUNCT = Pattern.compile("[，。！？；、：“”,.!?;…]");

  /** A run of inline text between block boundaries, owned by its nearest block element. */
  record Run(Element owner, String text, int chars, int linkChars, int punct) {
    double value() {
      int plain = chars - linkChars;
      if (linkChars > 0 && linkChars >= plain) {
        return -linkChars; // a link list: navigation, related headlines
      }
      if (punct == 0 && plain < 15) {
        return -1; // labels, buttons, dates
      }
      double v = plain - 2.0 * linkChars;
      return punct == 0 ? v * 0.5 : v;
    }
  }

  static List<Run> runs(Element root) {
    List<Run> runs = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int[] link = {0, 0}; // [depth inside <a>, link chars of the current run]
    List<Element> stack = new ArrayList<>();
    stack.add(root);
    Dom.traverse(
        root,
        new NodeVisitor() {
          void flush() {
            String t = Text.clean(text.toString());
            if (!t.isEmpty()) {
              int chars = Text.visibleLength(t);
              runs.add(
                  new Run(
                      stack.get(stack.size() - 1),
                      t,
                      chars,
                      Math.min(chars, link[1]),
                      count(PUNCT, t)));
            }
            text.setLength(0);
            link[1] = 0;
          }

          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              String s = t.getWholeText();
              text.append(s);
              if (link[0] > 0) {
                link[1] += Text.visibleLength(s);
              }
            } else if (node instanceof Element e) {
              if (e.normalName().equals("a")) {
                link[0]++;
              }
              if (Text.BLOCKS.contains(e.normalName()) && e != root) {
                flush();
                if (!e.normalName().equals("br")) {
                  stack.add(e);
                }
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e) {
              if (e.normalName().equals("a")) {
                link[0]--;
              }
              if (Text.BLOCKS.contains(e.normalName()) && e != root) {
                flush();
                if (!e.normalName().equals("br") && stack.get(stack.size() - 1) == e) {
                  stack.remove(stack.size() - 1);
                }
              }
            }
          }
        });
    text.append(' ');
    if (!Text.clean(text.toString()).isEmpty()) {
      runs.add(new Run(root, Text.clean(text.toString()), 0, 0, 0));
    }
    return runs;
  }

  private static final Set<String> BOILERPLATE_TOKENS =
      Set.of(
          "share",
          "sharing",
          "comment",
          "comments",
          "cmt",
          "related",
          "relate",
          "recommend",
          "recommends",
          "hot",
          "footer",
          "foot",
          "copyright",
          "toolbar",
          "tools",
          "ad",
          "ads",
          "advert",
          "advertisement",
          "sponsor",
          "breadcrumb",
          "crumb",
          "crumbs",
          "nav",
          "navbar",
          "menu",
          "sidebar",
          "side",
          "tags",
          "keywords",
          "login",
          "reply",
          "qrcode",
          "ewm",
          "statement",
          "disclaimer",
          "rank",
          "ranking",
          "more",
          "next",
          "prev",
          "pager",
          "pagination",
          "bottom",
          "top-ad",
          "gg",
          "guanggao",
          "banner",
          "subscribe",
          "follow");

  static boolean boilerplateHint(Element e) {
    for (String tok : Dom.classAndId(e).split("[\\s_\\-]+")) {
      if (BOILERPLATE_TOKENS.contains(tok)) {
        return true;
      }
    }
    return false;
  }

  String body(Element root, String title) {
    List<Run> runs = runs(root);
    Map<Element, double[]> score = new IdentityHashMap<>(); // [total value, positive value]
    for (Run r : runs) {
      double v = r.value();
      for (Element e = r.owner(); e != null; e = e == root ? null : e.parent()) {
        double[] s = score.computeIfAbsent(e, k -> new double[2]);
        s[0] += v;
        if (v > 0) {
          s[1] += v;
        }
      }
    }
    Element best = root;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Map.Entry<Element, double[]> en : score.entrySet()) {
      if (en.getValue()[0] > bestScore) {
        bestScore = en.getValue()[0];
        best = en.getKey();
      }
    }
    best = narrow(best, runs, title);
    double mass = score.getOrDefault(best, new double[2])[1];
    // sub-blocks marked as boilerplate that do not carry the main text
    List<Element> dropped = new ArrayList<>();
    for (Element e : best.select("*")) {
      if (e != best && boilerplateHint(e)) {
        double[] s = score.get(e);
        if (s == null || s[1] < 0.3 * mass) {
          dropped.add(e);
        }
      }
    }
    StringBuilder out = new StringBuilder();
    for (Run r : runs) {
      if (!inside(r.owner(), best) || insideAny(r.owner(), dropped, best)) {
        continue;
      }
      int plain = r.chars() - r.linkChars();
      if (r.linkChars() > 0 && r.linkChars() >= plain) {
        continue;
      }
      out.append(r.text()).append('\n');
    }
    return trim(out.toString(), title);
  }

  /**
   * The smallest element under {@code best} that still holds every substantial paragraph: the
   * best-scoring element often wraps the body with its headline, byline and toolbars.
   */
  static Element narrow(Element best, List<Run> runs, String title) {
    List<Element> owners = new ArrayList<>();
    for (Run r : runs) {
      if (substantial(r, title) && inside(r.owner(), best)) {
        owners.add(r.owner());
      }
    }
    if (owners.isEmpty()) {
      return best;
    }
    Element e = owners.get(0);
    for (Element o : owners) {
      while (e != best && !inside(o, e)) {
        e = e.parent();
      }
    }
    // never narrower than a block holding a single paragraph: keep its siblings (captions, short
    // lines) by going up to the element that holds two substantial runs or more when possible
    if (owners.size() == 1 && e != best && e.parent() != null) {
      e = e.parent();
    }
    return e;
  }

  private static boolean substantial(Run r, String title) {
    int plain = r.chars() - r.linkChars();
    if (plain < 25 || r.punct() == 0 || r.linkChars() * 3 > r.chars()) {
      return false;
    }
    return title == null || !(title.contains(r.text()) || r.text().contains(title));
  }

  private static boolean inside(Element e, Element ancestor) {
    for (Element x = e; x != null; x = x.parent()) {
      if (x == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static boolean insideAny(Element e, List<Element> set, Element stop) {
    if (set.isEmpty()) {
      return false;
    }
    for (Element x = e; x != null && x != stop; x = x.parent()) {
      for (Element s : set) {
        if (x == s) {
          return true;
        }
      }
    }
    return false;
  }

  private static final Pattern HEAD_NOISE =
      Pattern.compile(
          "^(?:.{0,30}(?:来源|來源|作者|编辑|編輯|责编|記者|记者|执笔|執筆|发布时间|發布時間|发表于|發表於|"
              + "时间|時間|字号|阅读|閱讀|浏览|分享到|原创|稿源)[:：/].{0,60}|.{0,20}\\d{4}[-/年.]\\d{1,2}[-/月.]"
              + "\\d{1,2}.{0,40}|.{0,8}\\d{1,2}[:：]\\d{2}.{0,30})$");

  /** Photo credits and captions that open an article before its first paragraph. */
  private static final Pattern HEAD_CREDIT =
      Pattern.compile(".{0,30}(资料图|資料圖|供图|供圖|视觉中国|視覺中國|图片来源|圖片來源|图源|圖源|摄影|攝影|新华社发|图/|圖/).{0,20}");

  /**
   * Lines that end an article: editor and source lines, disclaimers, the original title. What
   * follows them near the end (share prompts, widgets) goes too.
   */
  private static final Pattern TAIL_CUT =
      Pattern.compile(
          "^(?:[(（\\[【]?\\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯|校对|校對|审核|審核|审校|監製|"
              + "监制|策划|策劃)\\s*[:：/／]"
              + "|(?:作者|撰文|文字|记者|記者|本文来源|本文來源|来源|來源|稿源|图片来源|圖片來源|图|圖|摄影|攝影|"
              + "特别声明|特別聲明|免责声明|免責聲明|版权声明|版權聲明|声明|聲明)\\s*[:：/／]"
              + "|返回.{0,6}(?:首页|首頁|搜狐|顶部|頂部|列表)|查看更多|点击查看|點擊查看|阅读原文|閱讀原文"
              + "|[（(]\\s*原题为|[（(]\\s*原標題為|原标题[:：]|图片均来自|图片来自网络|圖片來自網絡"
              + "|(?:相关阅读|相關閱讀|相关新闻|相關新聞|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|热门推荐|熱門推薦)\\s*$"
              + "|(?:copyright|©)"
              + "|.*(?:版权所有|版權所有|未经授权|未經授權|禁止转载|禁止轉載|转载请注明|轉載請註明))",
          Pattern.CASE_INSENSITIVE);

  /** How many lines from the end a tail cut may start. */
  private static final int TAIL_WINDOW = 5;

  /** Drops the headline, byline and date lines at the head and editor lines at the tail. */
  static String trim(String text, String title) {
    List<String> lines = new ArrayList<>(List.of(Text.joinLines(text).split("\n")));
    lines.removeIf(String::isEmpty);
    String t = title == null ? null : Text.clean(title);
    while (!lines.isEmpty()) {
      String l = lines.get(0);
      if (isTitle(l, t)
          || (l.length() <= 80 && HEAD_NOISE.matcher(l).matches() && !endsSentence(l))
          || (l.length() <= 30 && HEAD_CREDIT.matcher(l).matches() && lines.size() > 1)
          || (l.length() <= 4 && count(PUNCT, l) == 0)) {
        lines.remove(0);
      } else {
        break;
      }
    }
    if (!lines.isEmpty()) {
      // a gallery's "1/10" counter before its first caption
      lines.set(0, lines.get(0).replaceFirst("^\\d{1,3}\\s*/\\s*\\d{1,3}\\s+(?=\\S)", ""));
    }
    for (int i = Math.max(1, lines.size() - TAIL_WINDOW); i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.length() <= 120 && TAIL_CUT.matcher(l).lookingAt()) {
        lines.subList(i, lines.size()).clear();
        break;
      }
    }
    while (lines.size() > 1) {
      String l = lines.get(lines.size() - 1);
      if (l.length() < 10 && count(PUNCT, l) == 0 && !l.matches(".*[(（]完[)）].*")) {
        lines.remove(lines.size() - 1);
      } else {
        break;
      }
    }
    return String.join("\n", lines);
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

  static int count(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  // ---------------------------------------------------------------- time and author

  private static final String[] TIME_METAS = {
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "PubDate",
    "publish_date",
    "publishDate",
    "ptime",
    "pub_time",
    "weibo: article:create_at",
    "article:created_time",
    "og:release_date",
    "sailthru.date",
    "parsely-pub-date",
    "DC.date.issued",
    "dc.date",
    "date",
    "dateUpdate",
    "article:modified_time"
  };

  private Optional<Instant> publishedAt(Document doc, Element body, String title) {
    for (String name : TIME_METAS) {
      String v = meta(doc, name);
      if (v != null) {
        Optional<Instant> t = dates.parse(v);
        if (t.isPresent()) {
          return t;
        }
      }
    }
    for (Element e : body.select("time[datetime], [itemprop=datePublished]")) {
      Optional<Instant> t = timeOf(e);
      if (t.isPresent()) {
        return t;
      }
    }
    for (Element e : body.select("[data-ptime], [data-publish-time], [data-time]")) {
      for (String a : List.of("data-ptime", "data-publish-time", "data-time")) {
        Optional<Instant> t = dates.parse(e.attr(a));
        if (t.isPresent()) {
          return t;
        }
      }
    }
    // text near the headline: the byline block usually follows it
    String near = nearTitle(body, title);
    Optional<Instant> t = dates.find(near);
    if (t.isPresent()) {
      return t;
    }
    for (Element e :
        body.select("[class*=time], [class*=date], [id*=time], [id*=date], [class*=pub]")) {
      String s = Text.clean(e.text());
      if (s.length() <= 60) {
        t = dates.find(s);
        if (t.isPresent()) {
          return t;
        }
      }
    }
    return Optional.empty();
  }

  Optional<Instant> timeOf(Element e) {
    for (String a : List.of("datetime", "content", "title", "data-time")) {
      if (e.hasAttr(a)) {
        Optional<Instant> t = dates.parse(e.attr(a));
        if (t.isPresent()) {
          return t;
        }
      }
    }
    return dates.find(Text.clean(e.text()));
  }

  /** About 400 characters of visible text after the headline (or the start of the page). */
  static String nearTitle(Element body, String title) {
    String all = Text.lines(body);
    int at = title == null ? -1 : all.indexOf(title);
    int from = at < 0 ? 0 : at + title.length();
    return all.substring(from, Math.min(all.length(), from + 400));
  }

  private static final Pattern BYLINE =
      Pattern.compile(
          "(?:作者|執筆|执笔|记者|記者|撰文|文)\\s*[:：/／|]\\s*([^\\s|/，,。：:()（）]{2,20}(?:[、&＆][^\\s|/，,。：:]{1,10})*)"
              + "|(?:作者|记者|記者)\\s+([\\p{IsHan}·]{2,4})(?![\\p{IsHan}])");
  private static final Pattern NAME_SLASH =
      Pattern.compile("^([\\p{IsHan}·]{2,5})\\s*[/／]\\s*[\\p{IsHan}A-Za-z]{2,12}$");
  private static final Pattern SOURCE =
      Pattern.compile("(?:来源|來源|稿源|出处|出處)\\s*[:：]\\s*([^\\s|/，,。：:]{2,20})");
  private static final Pattern CLOSING_AUTHOR =
      Pattern.compile("^(?:作者|文)\\s*[:：/／]\\s*(.{2,20})$");
  private static final Pattern AUTHOR_CLASS =
      Pattern.compile("author|writer|byline|source|media|user-?name|account|editor-name|zuozhe");

  /**
   * The named author, else the outlet: the byline between the headline and the first paragraph
   * (作者/记者/执笔, "name/outlet", 来源), an author-like element next to the headline, an "作者：" line
   * closing the article, then the page's metadata.
   */
  private static String author(Document doc, Element body, String title) {
    List<String> lines = List.of(Text.lines(body).split("\n"));
    List<String> zone = bylineZone(lines, title);
    String z = String.join("\n", zone);
    Matcher m = BYLINE.matcher(z);
    if (m.find()) {
      return m.group(1) != null ? m.group(1) : m.group(2);
    }
    for (String l : zone) {
      Matcher n = NAME_SLASH.matcher(l.strip());
      if (n.matches()) {
        return n.group(1);
      }
    }
    String source = sourceInByline(body, z);
    if (source != null) {
      return source;
    }
    m = SOURCE.matcher(z);
    if (m.find()) {
      return m.group(1);
    }
    String near = authorNextTo(headline(body, title));
    if (near != null) {
      return near;
    }
    for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - 6); i--) {
      Matcher c = CLOSING_AUTHOR.matcher(lines.get(i).strip());
      if (c.matches()) {
        return c.group(1).strip();
      }
    }
    String meta = meta(doc, "article:author", "og:article:author", "author", "byline");
    if (meta != null && meta.length() <= 30 && !meta.matches(".*(@|http|,|，|name).*")) {
      return meta;
    }
    return meta(doc, "og:site_name", "application-name");
  }

  /** The lines after the headline and before the first paragraph of prose (at most eight). */
  static List<String> bylineZone(List<String> lines, String title) {
    int start = 0;
    if (title != null) {
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i);
        if (l.contains(title)
            || (l.length() >= 4 && title.contains(l) && l.length() * 5 >= title.length() * 3)) {
          start = i + 1;
          break;
        }
      }
    }
    List<String> zone = new ArrayList<>();
    for (int i = start; i < lines.size() && zone.size() < 8; i++) {
      String l = lines.get(i);
      if (l.length() >= 25 && count(PUNCT, l) >= 2 && endsSentence(l)) {
        break; // the body begins
      }
      zone.add(l);
    }
    return zone;
  }

  /**
   * "来源：X" read from the element that says it, so that a link after the outlet's name (参与互动, 下载客户端)
   * is not taken for part of it; only where the byline zone shows it.
   */
  private static String sourceInByline(Element body, String zone) {
    for (Element e : body.getElementsMatchingOwnText("(来源|來源|稿源)\\s*[:：]")) {
      Matcher m = SOURCE.matcher(Text.clean(e.ownText()));
      String v = null;
      if (m.find()) {
        v = m.group(1);
      } else {
        Element next = e.children().isEmpty() ? e.nextElementSibling() : e.child(0);
        v =
            next == null
                ? null
                : Text.clean(next.ownText().isEmpty() ? next.text() : next.ownText());
      }
      if (v != null && v.length() >= 2 && v.length() <= 20 && zone.contains(v)) {
        return v;
      }
    }
    return null;
  }

  /**
   * An author-like element (class or id naming author, source, media …) beside the headline: in its
   * parent, else its grandparent.
   */
  private static String authorNextTo(Element head) {
    if (head == null) {
      return null;
    }
    Element scope = head.parent();
    for (int level = 0; level < 2 && scope != null; level++, scope = scope.parent()) {
      // the most specific match: a wrapper's text also holds its buttons (关注, 下载客户端)
      String best = null;
      for (Element e : scope.getAllElements()) {
        if (e == head || !AUTHOR_CLASS.matcher(Dom.classAndId(e)).find()) {
          continue;
        }
        String own = Text.clean(e.ownText());
        String t =
            (own.length() >= 2 ? own : Text.clean(e.text()))
                .replaceFirst("^(作者|来源|來源)[:：]\\s*", "");
        if (t.length() >= 2
            && t.length() <= 20
            && !t.matches(".*\\d{4}.*")
            && !t.matches("作者|来源|來源|编辑|關注|关注|分享|订阅|訂閱")
            && (best == null || t.length() < best.length())) {
          best = t;
        }
      }
      if (best != null) {
        return best;
      }
    }
    return null;
  }

  /** The heading that shows the headline, or null. */
  static Element headline(Element body, String title) {
    if (title == null) {
      return null;
    }
    for (Element h : body.select("h1, h2, h3, [class*=title], [id*=title]")) {
      String t = Text.clean(h.text());
      if (t.contains(title) && t.length() <= title.length() + 8) {
        return h;
      }
    }
    return null;
  }
}
