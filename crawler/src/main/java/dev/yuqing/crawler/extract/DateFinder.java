package dev.yuqing.crawler.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The publication time, from the most trustworthy place that has one: structured data
 * (article:published_time and other meta tags, JSON-LD datePublished, {@code <time datetime>}), the
 * byline block near the headline, a timestamp right above the headline, the URL, the line after the
 * body (发表于 …), a dateline opening the body (新华社北京5月1日电), a dated line with a cue anywhere, a
 * date-named element, and last the modification time. Numeric dates that read both ways
 * (06/02/2022) follow the page's other numeric dates, else its language. A time after the fetch is
 * never taken.
 */
final class DateFinder {
  private static final String[] PUBLISHED_METAS = {
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
    "date"
  };
  private static final String[] MODIFIED_METAS = {"dateUpdate", "article:modified_time"};

  /** A dated line's cue: "发表于 …", "由 X 于 … 发表", "发布时间：…". */
  private static final Pattern CUE =
      Pattern.compile(
          "(?:发表于|發表於|发布于|發佈於|发表时间|發表時間|发布时间|發佈時間|发布日期|發佈日期|更新时间|更新時間"
              + "|日期|时间|時間)\\s*[:：]?|由.{1,20}于|posted|published",
          Pattern.CASE_INSENSITIVE);

  /** A time of day: 10:56, 10时56分. */
  private static final Pattern CLOCK = Pattern.compile("(?<!\\d)\\d{1,2}\\s*[:：时時]\\s*\\d{2}");

  /** /2019/05/17/, /20190517/, /2019-05/17/, _20190517_ in a URL. */
  private static final Pattern URL_DATE =
      Pattern.compile(
          "(?<!\\d)((?:19|20)\\d{2})[/\\-_]?(0[1-9]|1[0-2])[/\\-_]?(0[1-9]|[12]\\d|3[01])(?!\\d)");

  private static final Set<String> DAY_FIRST_LANGS =
      Set.of(
          "en-gb", "en-au", "en-nz", "en-ie", "en-in", "en-za", "en-sg", "en-hk", "zh-hk", "zh-mo");
  private static final Set<String> MONTH_FIRST_LANGS =
      Set.of("en", "en-us", "en-ca", "zh", "ja", "ko");

  private final Dates dates;

  DateFinder(Dates dates) {
    this.dates = dates;
  }

  Optional<Instant> find(ArticlePart.Page page, BylineFinder.Around around) {
    Instant limit = page.fetchedAt();
    PageDates pd = new PageDates(page.doc(), around.lines());
    for (String name : PUBLISHED_METAS) {
      Optional<Instant> t = notAfter(pd.parse(page.meta().content(name)), limit);
      if (t.isPresent()) {
        return t;
      }
    }
    for (String s : jsonLd(page.doc())) {
      Optional<Instant> t = notAfter(pd.parse(s), limit);
      if (t.isPresent()) {
        return t;
      }
    }
    for (Element e :
        page.body().select("time[pubdate], [itemprop=datePublished], time[datetime]")) {
      Optional<Instant> t = notAfter(timeOf(pd, e), limit);
      if (t.isPresent()) {
        return t;
      }
    }
    for (Element e : page.body().select("[data-ptime], [data-publish-time]")) {
      String v = e.hasAttr("data-ptime") ? e.attr("data-ptime") : e.attr("data-publish-time");
      Optional<Instant> t = notAfter(pd.parse(v), limit);
      if (t.isPresent()) {
        return t;
      }
    }
    // in the byline block a timestamp beats a bare date (a blog's "建立于", a calendar); a blog
    // shows its timestamp over the headline, where a bare date is the site's "today"
    Optional<Instant> t = firstDated(around.zone(), true, pd, limit);
    if (t.isEmpty()) {
      t = firstDated(around.zone(), false, pd, limit);
    }
    if (t.isEmpty()) {
      t = firstDated(around.above(), true, pd, limit);
    }
    if (t.isPresent()) {
      return t;
    }
    t = fromUrls(page.doc(), page.meta(), pd, limit);
    if (t.isPresent()) {
      return t;
    }
    // a blog's or forum's byline under the post: "XX 发表于 …"
    t = notAfter(pd.findWritten(String.join("\n", around.after())), limit);
    if (t.isPresent()) {
      return t;
    }
    if (around.first() != null) {
      // a dateline opens the first paragraph: 新华社北京5月1日电, 看中国2005年07月03日报道
      String first = around.first();
      t = notAfter(pd.findWritten(first.substring(0, Math.min(first.length(), 40))), limit);
      if (t.isPresent()) {
        return t;
      }
    }
    for (Runs.Run r : around.lines()) {
      Matcher m = CUE.matcher(r.text());
      if (!r.linkList() && r.text().length() <= 200 && m.find()) {
        t = notAfter(pd.findWritten(r.text().substring(m.start())), limit);
        if (t.isPresent()) {
          return t;
        }
      }
    }
    for (Element e :
        page.body().select("[class*=time], [class*=date], [id*=time], [id*=date], [class*=pub]")) {
      String s = Text.clean(e.text());
      if (s.length() <= 60 && !page.marks().of(e)) {
        t = notAfter(pd.findWritten(s), limit);
        if (t.isPresent()) {
          return t;
        }
      }
    }
    for (String name : MODIFIED_METAS) {
      t = notAfter(pd.parse(page.meta().content(name)), limit);
      if (t.isPresent()) {
        return t;
      }
    }
    return Optional.empty();
  }

  /** The time an element shows: in an attribute (datetime, content, title) or as its text. */
  Optional<Instant> timeOf(Element e) {
    return timeOf(new PageDates(null, List.of()), e);
  }

  private static Optional<Instant> timeOf(PageDates dates, Element e) {
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

  /**
   * The dates of one page: a numeric date that reads both ways is read as the page writes its
   * dates, worked out the first time one is met.
   */
  private final class PageDates {
    private final Document doc;
    private final List<Runs.Run> lines;
    private Dates resolved;

    PageDates(Document doc, List<Runs.Run> lines) {
      this.doc = doc;
      this.lines = lines;
    }

    private Dates on(String s) {
      if (s == null || doc == null || !Dates.readsBothWays(s)) {
        return dates;
      }
      if (resolved == null) {
        resolved = dates.dayFirst(dayFirst(doc, lines));
      }
      return resolved;
    }

    Optional<Instant> parse(String s) {
      return on(s).parse(s);
    }

    Optional<Instant> find(String s) {
      return on(s).find(s);
    }

    Optional<Instant> findWritten(String s) {
      return on(s).findWritten(s);
    }
  }

  /**
   * Whether the page writes numeric dates day first: as its unambiguous numeric dates do, else as
   * its language ({@code <html lang>}) does; month first when nothing says.
   */
  static boolean dayFirst(Document doc, List<Runs.Run> lines) {
    StringBuilder all = new StringBuilder();
    for (Runs.Run r : lines) {
      all.append(r.text()).append('\n');
    }
    Boolean seen = Dates.dayFirstIn(all.toString());
    if (seen != null) {
      return seen;
    }
    Element html = doc.selectFirst("html[lang]");
    String lang = html == null ? "" : html.attr("lang").strip().toLowerCase(Locale.ROOT);
    if (!lang.isEmpty()) {
      if (DAY_FIRST_LANGS.contains(lang)) {
        return true;
      }
      String base = lang.split("[-_]")[0];
      return !(MONTH_FIRST_LANGS.contains(lang) || MONTH_FIRST_LANGS.contains(base));
    }
    return false;
  }

  /** datePublished (else dateCreated) in the page's JSON-LD, wherever it nests. */
  private static List<String> jsonLd(Document doc) {
    List<String> out = new ArrayList<>();
    for (Element s : doc.select("script[type=application/ld+json]")) {
      String json = s.data();
      if (json.length() > 1_000_000) {
        continue; // not metadata
      }
      try {
        JsonNode n = Json.mapper().readTree(json);
        for (String field : List.of("datePublished", "dateCreated")) {
          for (JsonNode v : n.findValues(field)) {
            if (v.isTextual()) {
              out.add(v.asText());
            }
          }
        }
      } catch (IOException e) {
        // broken JSON-LD is common; the other sources still apply
      }
    }
    return out;
  }

  private Optional<Instant> fromUrls(Document doc, Meta meta, PageDates pd, Instant limit) {
    List<String> urls = new ArrayList<>();
    urls.add(doc.location());
    Element canonical = doc.selectFirst("link[rel=canonical][href]");
    if (canonical != null) {
      urls.add(canonical.attr("href"));
    }
    urls.add(meta.content("og:url"));
    for (String u : urls) {
      if (u == null) {
        continue;
      }
      Matcher m = URL_DATE.matcher(u.replaceFirst("^[a-z]+://[^/]*", ""));
      if (m.find()) {
        Optional<Instant> t =
            notAfter(pd.parse(m.group(1) + "-" + m.group(2) + "-" + m.group(3)), limit);
        if (t.isPresent()) {
          return t;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The first date on one of {@code lines} (with a time of day when {@code timed}), nearest first.
   */
  private static Optional<Instant> firstDated(
      List<String> lines, boolean timed, PageDates pd, Instant limit) {
    for (String line : lines) {
      if (!timed || CLOCK.matcher(line).find()) {
        Optional<Instant> t = notAfter(pd.find(line), limit);
        if (t.isPresent()) {
          return t;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Instant> notAfter(Optional<Instant> t, Instant limit) {
    return t.filter(i -> limit == null || !i.isAfter(limit));
  }
}
