package dev.yuqing.crawler.eval;

import dev.yuqing.crawler.extract.Article;
import dev.yuqing.crawler.extract.ArticleExtractor;
import dev.yuqing.crawler.extract.Dates;
import dev.yuqing.crawler.extract.Pages;
import java.time.Clock;
import java.time.ZoneId;

/** yuqing's own article extraction, as the crawler runs it on a page it fetched now. */
public final class YuqingExtractor implements PageExtractor {
  private final ArticleExtractor articles;

  public YuqingExtractor(Clock clock, ZoneId zone) {
    this.articles = new ArticleExtractor(new Dates(clock, zone));
  }

  @Override
  public String name() {
    return "yuqing";
  }

  @Override
  public Article extract(byte[] html, String url) {
    return articles.extract(Pages.parse(html, null, url));
  }
}
