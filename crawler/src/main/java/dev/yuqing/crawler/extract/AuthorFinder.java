package dev.yuqing.crawler.extract;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Author and source, kept apart: the reporter or writer named in the byline (记者 XX, 作者：XX, 执笔,
 * "XX/新华社", a forum's "XX 发表于"), then in the lines after the body, an author-like element beside
 * the headline, a byline closing the article, the page's author metadata; the outlet from 来源/稿源.
 * The author is the outlet when no person is named, else the site's name.
 */
final class AuthorFinder {
  /**
   * What was found.
   *
   * @param author the person, else the outlet, else the site; null when nothing names one
   * @param source the outlet the page credits, or null
   */
  record Found(String author, String source) {}

  private static final String NAME = "[\\p{IsHan}·]{2,4}";

  /** Where a byline names people: 作者：, 记者 , 执笔/, 文/, and 记者张三/文 (no colon). */
  private static final Pattern CUE =
      Pattern.compile(
          "(?:作者|執筆人|执笔人|執筆|执笔|记者|記者|撰文|文|通讯员|通訊員)\\s*[:：/／|]\\s*"
              + "|(?:作者|记者|記者)\\s+(?=\\p{IsHan})"
              + "|(?:记者|記者)(?="
              + NAME
              + "\\s*[/／])");

  /** Words a byline puts after or between names that are not names. */
  private static final Set<String> ROLES =
      Set.of(
          "报道", "報道", "通讯员", "通訊員", "摄影", "攝影", "编辑", "編輯", "实习生", "實習生", "见习记者", "见习", "发自", "發自",
          "出自", "来自", "來自", "综合", "綜合", "整理", "来源", "來源", "责编", "責編", "文", "图", "圖", "摄", "攝", "本文",
          "本贴", "本帖", "资料图", "資料圖", "供图", "供圖", "配图", "配圖");

  /** A name: Chinese, or a Latin word. */
  private static final Pattern TOKEN =
      Pattern.compile("[\\p{IsHan}·]{2,4}(?![\\p{IsHan}·])|[A-Za-z][A-Za-z.'\\-]*");

  /** What a byline's first name may also be: a nickname with letters or digits in it. */
  private static final Pattern NICKNAME =
      Pattern.compile(
          "[\\p{IsHan}\\p{L}\\p{N}_·]{0,19}[A-Za-z0-9][\\p{IsHan}\\p{L}\\p{N}_·]{0,19}");

  /** Between names: spaces, 、 , & (not a line break). */
  private static final Pattern SEPARATOR = Pattern.compile("[ \\t、,，&＆]+");

  private static final Pattern NAME_SLASH =
      Pattern.compile("^(" + NAME + ")\\s*[/／]\\s*[\\p{IsHan}A-Za-z]{2,12}$");

  /** A forum's or blog's "XX 发表于 …" and "本贴由XX于 … 发表". */
  private static final Pattern POSTED_BY =
      Pattern.compile(
          "^(?:\\S{0,8}\\s)?([\\p{L}\\p{N}_&·\\-]{2,20})\\s*(?:发表于|發表於|发布于|發佈於)"
              + "|由\\s*([\\p{L}\\p{N}_&·\\-]{2,20}?)\\s*[于於]");

  /** A credit closing the last paragraph: "……春节。（张三 李四）", "。（记者 张三）". */
  private static final Pattern CREDIT =
      Pattern.compile(
          "[。！？!?”」]\\s*[（(]\\s*(?:(?:记者|記者|作者|文|通讯员|通訊員)\\s*[:：/／]?\\s*)?([^()（）:：]{2,30}?)"
              + "\\s*[)）]\\s*$");

  private static final Pattern CUES = Pattern.compile("(来源|來源|稿源|出处|出處)\\s*[:：]");
  private static final Pattern SOURCE =
      Pattern.compile("(?:来源|來源|稿源|出处|出處)\\s*[:：]\\s*\\[?\\s*([^\\s|/，,。：:\\[\\]]{2,20})");
  private static final Pattern AUTHOR_CLASS =
      Pattern.compile("author|writer|byline|user-?name|account|editor-name|zuozhe");
  private static final Pattern SOURCE_CLASS = Pattern.compile("source|media|laiyuan");

  Found find(ArticlePart.Page page, ArticlePart.Draft d, BylineFinder.Around around) {
    String source = source(page.body(), String.join("\n", around.zone()));
    String person = person(around.zone());
    if (person == null) {
      person = person(around.after());
    }
    if (person == null) {
      person = nextTo(d.headline(), AUTHOR_CLASS);
    }
    if (person == null) {
      person = closing(d.lines());
    }
    if (source == null) {
      source = nextTo(d.headline(), SOURCE_CLASS);
    }
    if (person == null && source == null) {
      // often the outlet or the editor on Chinese sites: after what the page shows
      String meta = page.meta().content("article:author", "og:article:author", "author", "byline");
      if (meta != null && meta.length() <= 30 && !meta.matches("(?i).*(@|http|,|，|name).*")) {
        person = meta;
      }
    }
    String author = person != null ? person : source;
    if (author == null) {
      author = page.meta().content("og:site_name", "application-name");
    }
    return new Found(author == null ? null : notEditor(author), source);
  }

  /** Null for an editor's line: an editor is not the author. */
  private static String notEditor(String s) {
    return s.matches("(?i).*(编辑|編輯|责编|責編|editor).*") ? null : s;
  }

  /** The named person in some byline lines. */
  private static String person(List<String> lines) {
    for (String line : lines) {
      String n = named(line);
      if (n != null) {
        return n;
      }
    }
    for (String l : lines) {
      Matcher n = NAME_SLASH.matcher(l.strip());
      if (n.matches()) {
        return n.group(1);
      }
    }
    for (String l : lines) {
      Matcher m = POSTED_BY.matcher(l.strip());
      if (m.find()) {
        String n = m.group(1) != null ? m.group(1) : m.group(2);
        if (!ROLES.contains(n)) {
          return n;
        }
      }
    }
    return null;
  }

  /** The names a byline cue in {@code line} introduces (记者 张三 李四 → "张三 李四"), or null. */
  static String named(String line) {
    Matcher c = CUE.matcher(line);
    while (c.find()) {
      String n = names(line.substring(c.end()));
      if (n != null) {
        return n;
      }
    }
    return null;
  }

  /**
   * The names at the start of {@code s}, as written: name tokens joined by spaces, 、 or &, up to a
   * role word, a label ("出自：") or anything longer than a name (张三北京大学教授 is no name).
   */
  static String names(String s) {
    int end = -1;
    int at = 0;
    while (at < s.length()) {
      Matcher t = TOKEN.matcher(s).region(at, s.length());
      if (!t.lookingAt()) {
        t = NICKNAME.matcher(s).region(at, s.length());
        if (end >= 0 || !t.lookingAt()) {
          break;
        }
      }
      int after = t.end();
      boolean label = after < s.length() && (s.charAt(after) == ':' || s.charAt(after) == '：');
      if (ROLES.contains(t.group()) || label) {
        break;
      }
      end = after;
      Matcher sep = SEPARATOR.matcher(s).region(after, s.length());
      if (!sep.lookingAt()) {
        break;
      }
      at = sep.end();
    }
    if (end < 0) {
      return null;
    }
    // the last name must end the byline's words: 张三北京大学 is not 张三
    if (end < s.length() && Character.isLetterOrDigit(s.codePointAt(end))) {
      return null;
    }
    return s.substring(0, end).strip();
  }

  /**
   * "来源：X" read from the element that says it, so that a link after the outlet's name (参与互动, 下载客户端)
   * is not taken for part of it, where the byline block shows it; else from the block's text.
   */
  private static String source(Element body, String zone) {
    if (!CUES.matcher(zone).find()) {
      return null;
    }
    for (Element e : body.getElementsMatchingOwnText(CUES)) {
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
    Matcher m = SOURCE.matcher(zone);
    return m.find() ? m.group(1) : null;
  }

  /**
   * A credit closing the last paragraph, else a byline (作者：X, 记者 X, 执笔人：X) among the body's last
   * lines.
   */
  private static String closing(List<Runs.Run> lines) {
    if (lines == null || lines.isEmpty()) {
      return null;
    }
    Matcher credit = CREDIT.matcher(lines.get(lines.size() - 1).text());
    if (credit.find()) {
      // Chinese names only: a bracketed Latin word there is an outlet or an abbreviation
      String n = names(credit.group(1));
      if (n != null && n.matches("[\\p{IsHan}·]{2,4}(?:[ 、，,]+[\\p{IsHan}·]{2,4})*")) {
        return n;
      }
    }
    for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - 6); i--) {
      String n = named(lines.get(i).text());
      if (n != null) {
        return n;
      }
    }
    return null;
  }

  /**
   * An element whose class or id matches {@code cls} beside the headline: in its parent, else its
   * grandparent; the most specific one (a wrapper's text also holds its buttons: 关注, 下载客户端).
   */
  private static String nextTo(Element head, Pattern cls) {
    if (head == null) {
      return null;
    }
    Element scope = head.parent();
    for (int level = 0; level < 2 && scope != null; level++, scope = scope.parent()) {
      String best = null;
      for (Element e : scope.getAllElements()) {
        if (e == head || !cls.matcher(Dom.classAndId(e)).find()) {
          continue;
        }
        String own = Text.clean(e.ownText());
        String t =
            (own.length() >= 2 ? own : Text.clean(e.text()))
                .replaceFirst("^(作者|来源|來源)[:：]\\s*", "");
        if (t.length() >= 2
            && t.length() <= 20
            && !t.matches(".*(\\d{4}|[()（）\\[\\]【】:：]).*")
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
}
