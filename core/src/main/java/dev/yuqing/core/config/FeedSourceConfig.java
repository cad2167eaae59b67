package dev.yuqing.core.config;

import java.time.Duration;
import java.util.List;

/**
 * An RSS 2.0 or Atom feed.
 *
 * @param id unique source id
 * @param url feed URL (may hold {@code {keyword}}: a search feed)
 * @param revisit poll interval (default 15m)
 * @param projects projects the feed is about; empty: by names mentioned
 * @param followLinks fetch each item's link for the full article (default true)
 * @param article CSS overrides for the linked articles; default: generic extraction
 * @param allowPrivateNetwork allow loopback and private addresses (default false)
 */
public record FeedSourceConfig(
    String id,
    String url,
    Duration revisit,
    List<String> projects,
    Boolean followLinks,
    ArticleSelectors article,
    boolean allowPrivateNetwork)
    implements SourceConfig {
  public FeedSourceConfig {
    id = Check.required("id", id);
    url = Check.httpUrlTemplate("url", url);
    revisit = Check.positive("revisit", revisit, Duration.ofMinutes(15));
    projects = projects == null ? List.of() : List.copyOf(projects);
    followLinks = followLinks == null || followLinks;
    article = article == null ? ArticleSelectors.NONE : article;
  }
}
