package dev.yuqing.core.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.util.List;

/**
 * One configured source, chosen by {@code kind}. Each kind is a small record here and one small
 * class in the crawler module.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = FeedSourceConfig.class, name = "feed"),
  @JsonSubTypes.Type(value = NewsSourceConfig.class, name = "news"),
  @JsonSubTypes.Type(value = ForumSourceConfig.class, name = "forum"),
  @JsonSubTypes.Type(value = JsonSourceConfig.class, name = "json"),
  @JsonSubTypes.Type(value = ChatExportSourceConfig.class, name = "chat-export"),
})
public sealed interface SourceConfig
    permits FeedSourceConfig,
        NewsSourceConfig,
        ForumSourceConfig,
        JsonSourceConfig,
        ChatExportSourceConfig {
  /** Id reserved for manual entries ({@code yuqing add}); no configured source may use it. */
  String MANUAL_ID = "manual";

  /** Unique id; becomes {@code Post.sourceId}. */
  String id();

  /**
   * Entry URL. Web sources may hold a {@code {keyword}} placeholder (a search-result URL): it is
   * fetched once per name of the watched projects. A chat export gives its file as a file: URI.
   */
  String url();

  /** How often the source is polled again. */
  Duration revisit();

  /**
   * Projects this source is about; empty means: decide by the names mentioned in each post. A
   * source limited to one project (its homeowner forum) tags every post with it.
   */
  List<String> projects();

  /**
   * Allow fetching from loopback and private address ranges. Off by default: a redirect from the
   * internet into the intranet is refused. Tests and the demo serve from loopback and set it.
   */
  boolean allowPrivateNetwork();
}
