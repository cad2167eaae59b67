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
 * @param profile built-in site profile: {@code default} (Discuz-like markup and the markup
 *     documented on {@link ForumSelectors}), {@code discuz} or {@code tieba}
 * @param selectors CSS selectors overriding the profile's, one by one
 * @param maxPages board pages to walk per visit (default 3)
 * @param maxThreadPages pages of one thread to walk per visit (default 5)
 * @param allowPrivateNetwork allow loopback and private addresses (default false)
 */
public record ForumSourceConfig(
    String id,
    String url,
    Duration revisit,
    List<String> projects,
    String profile,
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
    ForumSelectors base = ForumSelectors.profile(profile);
    profile = profile == null ? "default" : profile.strip().toLowerCase(java.util.Locale.ROOT);
    selectors = selectors == null ? base : selectors.withDefaults(base);
    maxPages = Check.atLeast("maxPages", maxPages, 3, 1);
    maxThreadPages = Check.atLeast("maxThreadPages", maxThreadPages, 5, 1);
  }
}
