package dev.yuqing.core.config;

import dev.yuqing.core.Grade;
import java.time.Duration;

/**
 * Journalists, TV, exposure or 热搜 ({@code Signals.media}), or government bodies ({@code
 * Signals.government}) getting involved. Fires once posts from {@code minAuthors} distinct authors
 * carry the signal within {@code window}.
 *
 * @param name rule name
 * @param media match the media signal (default true)
 * @param government match the government signal (default false)
 * @param minAuthors distinct authors needed within the window (default 1)
 * @param window how far back authors are counted (default 1d)
 * @param negativeOnly only negative posts match (default false)
 * @param grade starting grade (default critical)
 * @param realert at most one update per incident this often (default 1h)
 * @param resolveAfter quiet time without a matching post before recovery (default 1d: such posts
 *     are sparse, and calls or mentions within a day belong to one incident)
 */
public record MediaRuleConfig(
    String name,
    Boolean media,
    Boolean government,
    Integer minAuthors,
    Duration window,
    Boolean negativeOnly,
    Grade grade,
    Duration realert,
    Duration resolveAfter)
    implements RuleConfig, DistinctAuthorsConfig {
  public MediaRuleConfig {
    name = Check.required("name", name);
    media = media == null || media;
    government = government != null && government;
    if (!media && !government) {
      throw new IllegalArgumentException("media: media and government cannot both be false");
    }
    minAuthors = Check.atLeast("minAuthors", minAuthors, 1, 1);
    window = Check.positive("window", window, Duration.ofDays(1));
    negativeOnly = negativeOnly != null && negativeOnly;
    grade = grade == null ? Grade.CRITICAL : grade;
    realert = Check.positive("realert", realert, Duration.ofHours(1));
    resolveAfter = Check.positive("resolveAfter", resolveAfter, Duration.ofDays(1));
  }
}
