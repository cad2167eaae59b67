package dev.yuqing.core.config;

import java.time.Duration;
import java.util.List;

/**
 * A forum board: the board page lists threads, each thread page holds the first post and replies.
 *
 * @param id unique source id
 * @param url board URL
 * @param revisit poll interval (default 10m)
 * @param projects projects the board is about; empty: by names mentioned
 * @param selectors CSS selectors of the site profile; defaults fit Discuz-like markup and the
 *     markup documented on {@link ForumSelectors}
 * @param maxPages board pages to walk per visit (default 3)
 * @param maxThreadPages pages of one thread to walk per visit (default 5)
 * @param allowPrivateNetwork allow loopback and private addresses (default false)
 */
public record ForumSourceConfig(
    String id,
    String url,
    Duration revisit,
    List<String> projects,
    ForumSelectors selectors,
    Integer maxPages,
    Integer maxThreadPages,
    boolean allowPrivateNetwork)
    implements SourceConfig {
  public ForumSourceConfig {
    id = Check.required("id", id);
    url = Check.httpUrlTemplate("url", url);
    revisit = Check.positive("revisit", revisit, Duration.ofMinutes(10));
    projects = projects == null ? List.of() : List.copyOf(projects);
    selectors = selectors == null ? ForumSelectors.DEFAULT : selectors.withDefaults();
    maxPages = Check.atLeast("maxPages", maxPages, 3, 1);
    maxThreadPages = Check.atLeast("maxThreadPages", maxThreadPages, 5, 1);
  }
}
