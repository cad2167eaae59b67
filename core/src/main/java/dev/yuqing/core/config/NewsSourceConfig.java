package dev.yuqing.core.config;

import java.time.Duration;
import java.util.List;

/**
 * A news site section: list pages link to articles; each article is extracted generically (title,
 * time, author, body without navigation, ads, related links or footer) unless {@code article} gives
 * CSS overrides.
 *
 * @param id unique source id
 * @param url first list page (may hold {@code {keyword}}: a site search)
 * @param revisit poll interval (default 30m)
 * @param projects projects the section is about; empty: by names mentioned
 * @param itemLink CSS selector of article links on a list page; default: found generically
 * @param nextPage CSS selector of the next list page link (default {@code a.next, a.nxt,
 *     a[rel=next]} and links labelled 下一页)
 * @param maxPages list pages walked per visit (default 2)
 * @param article CSS overrides for articles; default: generic extraction
 * @param allowPrivateNetwork allow loopback and private addresses (default false)
 */
public record NewsSourceConfig(
    String id,
    String url,
    Duration revisit,
    List<String> projects,
    String itemLink,
    String nextPage,
    Integer maxPages,
    ArticleSelectors article,
    boolean allowPrivateNetwork)
    implements SourceConfig {
  public NewsSourceConfig {
    id = Check.required("id", id);
    url = Check.httpUrlTemplate("url", url);
    revisit = Check.positive("revisit", revisit, Duration.ofMinutes(30));
    projects = projects == null ? List.of() : List.copyOf(projects);
    itemLink = itemLink == null || itemLink.isBlank() ? null : itemLink.strip();
    nextPage = nextPage == null || nextPage.isBlank() ? null : nextPage.strip();
    maxPages = Check.atLeast("maxPages", maxPages, 2, 1);
    article = article == null ? ArticleSelectors.NONE : article;
  }
}
