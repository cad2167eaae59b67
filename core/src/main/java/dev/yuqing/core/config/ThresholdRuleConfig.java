package dev.yuqing.core.config;

import dev.yuqing.core.Grade;
import java.time.Duration;

/**
 * A fixed count of posts within a sliding window, e.g. 20 negative posts in a day.
 *
 * @param name rule name
 * @param window sliding window; a multiple of {@code stream.window} (default 1d)
 * @param count posts in the window that make the rule fire (required)
 * @param negativeOnly count negative posts only (default true)
 * @param perTopic key the rule per project and topic (default false)
 * @param grade starting grade (default notice)
 * @param realert at most one update per incident this often (default 6h)
 * @param resolveAfter quiet time before recovery (default: {@code alerts.resolveAfter})
 */
public record ThresholdRuleConfig(
    String name,
    Duration window,
    Integer count,
    Boolean negativeOnly,
    Boolean perTopic,
    Grade grade,
    Duration realert,
    Duration resolveAfter)
    implements RuleConfig {
  public ThresholdRuleConfig {
    name = Check.required("name", name);
    window = Check.positive("window", window, Duration.ofDays(1));
    if (count == null) {
      throw new IllegalArgumentException("count: is required");
    }
    count = Check.atLeast("count", count, 0, 1);
    negativeOnly = negativeOnly == null || negativeOnly;
    perTopic = perTopic != null && perTopic;
    grade = grade == null ? Grade.NOTICE : grade;
    realert = Check.positive("realert", realert, Duration.ofHours(6));
    resolveAfter = resolveAfter == null ? null : Check.positive("resolveAfter", resolveAfter, null);
  }
}
