package dev.yuqing.crawler.extract;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.yuqing.core.config.ArticleSelectors;
import dev.yuqing.core.config.ForumSelectors;
import dev.yuqing.crawler.fetch.Charsets;
import dev.yuqing.crawler.fetch.FetchResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * One page, whatever it is: decides whether it is a feed, a forum thread, a list page or an
 * article, and extracts it (what {@code yuqing extract} prints). Thread-safe.
 */
public final class Extraction {
  /** What a page is. */
  public enum Kind {
    ARTICLE,
    THREAD,
    LIST,
    FEED
  }

  /**
   * The extraction of one page; fields that do not apply to its kind are null.
   *
   * @param kind article, thread, list or feed
   * @param url the page URL
   * @param charset the charset the bytes were decoded with, and how it was decided
   * @param title headline, thread title or feed title
   * @param publishedAt article publish time
   * @param author article author or outlet
   * @param source the outlet an article credits (来源)
   * @param text article body
   * @param posts a thread's posts
   * @param items a list page's item links
   * @param entries a feed's entries
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Result(
      String kind,
      String url,
      String charset,
      String title,
      Instant publishedAt,
      String author,
      String source,
      String text,
      List<ForumPage.Post> posts,
      List<ListExtractor.Item> items,
      List<Feed.Item> entries) {}

  private final ArticleExtractor articles;
  private final ListExtractor lists = new ListExtractor();
  private final ForumExtractor forum;
  private final FeedParser feeds;

  public Extraction(Clock clock, ZoneId zone, ForumSelectors forumSelectors) {
    Dates dates = new Dates(clock, zone);
    this.articles = new ArticleExtractor(dates);
    this.forum = new ForumExtractor(forumSelectors, dates);
    this.feeds = new FeedParser(dates);
  }

  /**
   * Extracts a page.
   *
   * @param body the bytes as served or saved
   * @param contentType the Content-Type header, or null
   * @param url the page URL (links resolve against it)
   * @param kind what the page is, or null to decide from the page
   */
  public Result extract(byte[] body, String contentType, String url, Kind kind) {
    FetchResponse.Decoded d = Charsets.decode(body, contentType);
    String charset = d.charset().name() + " (" + d.how() + ")";
    if (kind == Kind.FEED || (kind == null && FeedParser.looksLikeFeed(d.text()))) {
      Feed f = feeds.parse(d.text(), url);
      return new Result(
          "feed", url, charset, f.title(), null, null, null, null, null, null, f.items());
    }
    Document doc = Jsoup.parse(d.text(), url);
    ForumPage.Thread thread = kind == null || kind == Kind.THREAD ? forum.thread(doc) : null;
    if (kind == Kind.THREAD || (kind == null && looksLikeThread(doc, thread))) {
      return new Result(
          "thread",
          url,
          charset,
          thread.title(),
          null,
          null,
          null,
          null,
          thread.posts(),
          null,
          null);
    }
    Article a = kind == Kind.LIST ? null : articles.extract(doc, ArticleSelectors.NONE);
    List<ListExtractor.Item> items = kind == Kind.ARTICLE ? null : lists.items(doc);
    boolean isList =
        kind == Kind.LIST
            || (kind == null
                && looksLikeList(a == null ? null : a.title(), a == null ? "" : a.text(), items));
    if (isList) {
      return new Result(
          "list", url, charset, Text.clean(doc.title()), null, null, null, null, null, items, null);
    }
    return new Result(
        "article",
        url,
        charset,
        a.title(),
        a.publishedAt(),
        a.author(),
        a.source(),
        a.text(),
        null,
        null,
        null);
  }

  /** Two posts or more, or Discuz markup: a blog's single .post is an article. */
  static boolean looksLikeThread(Document doc, ForumPage.Thread t) {
    return t.posts().size() >= 2 || (!t.posts().isEmpty() && doc.selectFirst("td.t_f") != null);
  }

  /**
   * Many headline links and little prose. A page with a real headline and at least a sentence of
   * prose is an article (a photo gallery with one caption and a long "related" list) unless its
   * links outweigh the prose many times over.
   */
  static boolean looksLikeList(
      String headline, String articleText, List<ListExtractor.Item> items) {
    if (items == null || items.size() < 5) {
      return false;
    }
    int linkText = 0;
    for (ListExtractor.Item i : items) {
      linkText += Text.visibleLength(i.title());
    }
    int prose = articleText == null ? 0 : Text.visibleLength(articleText);
    boolean sentence = articleText != null && articleText.matches("(?s).*[。！？].*");
    if (headline != null && headline.length() >= 10 && prose >= 60 && sentence) {
      return linkText > 5 * prose;
    }
    return prose < 200 || linkText > prose;
  }
}
