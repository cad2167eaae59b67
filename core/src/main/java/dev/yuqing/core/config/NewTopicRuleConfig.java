package dev.yuqing.core.config;

import dev.yuqing.core.Grade;
import java.time.Duration;

/**
 * A topic absent from the baseline appears from several distinct authors: 业主集中反映同一问题 about
 * something new. Topic 其他 never counts.
 *
 * @param name rule name
 * @param minAuthors distinct authors of negative posts on the new topic within the window (default
 *     3)
 * @param window how far back authors are counted (default 1d)
 * @param baseline a topic is new when no negative post carried it for this long before; the rule
 *     stays silent until it has watched a project this long (default 7d)
 * @param grade starting grade (default notice)
 * @param realert at most one update per incident this often (default 6h)
 * @param resolveAfter quiet time before recovery (default: {@code alerts.resolveAfter})
 */
public record NewTopicRuleConfig(
    String name,
    Integer minAuthors,
    Duration window,
    Duration baseline,
    Grade grade,
    Duration realert,
    Duration resolveAfter)
    implements RuleConfig {
  public NewTopicRuleConfig {
    name = Check.required("name", name);
    minAuthors = Check.atLeast("minAuthors", minAuthors, 3, 1);
    window = Check.positive("window", window, Duration.ofDays(1));
    baseline = Check.positive("baseline", baseline, Duration.ofDays(7));
    if (baseline.compareTo(window) < 0) {
      throw new IllegalArgumentException(
          "baseline: must not be shorter than window (" + window + ")");
    }
    grade = grade == null ? Grade.NOTICE : grade;
    realert = Check.positive("realert", realert, Duration.ofHours(6));
    resolveAfter = resolveAfter == null ? null : Check.positive("resolveAfter", resolveAfter, null);
  }
}
