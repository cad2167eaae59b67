package dev.yuqing.core.config;

import dev.yuqing.core.Grade;
import java.time.Duration;

/**
 * Negative posts in the current window against a seasonal baseline (EWMA level with hour-of-day and
 * day-of-week factors). All three conditions must hold: at least {@code minCount} posts, at least
 * {@code ratio} × baseline, and a z-score of at least {@code minZ}.
 *
 * @param name rule name
 * @param window counting window; a multiple of {@code stream.window} (default 30m)
 * @param minCount absolute floor: fewer negative posts than this in a window never alert (default
 *     5), so that 0 → 3 posts pages nobody
 * @param ratio the window must hold at least this many times the baseline (default 3.0)
 * @param baselineWindows memory of the EWMA level, in windows (default 48: about a day)
 * @param perTopic key the rule per project and topic instead of per project (default false)
 * @param grade starting grade (default alert)
 * @param minZ the count must lie this many standard deviations above the baseline (default 3.0)
 * @param seasonal learn hour-of-day and day-of-week factors (default true); they apply after two
 *     days of windows has been seen
 * @param realert at most one update per incident this often (default 1h)
 * @param resolveAfter quiet time before recovery (default: {@code alerts.resolveAfter})
 */
public record SpikeRuleConfig(
    String name,
    Duration window,
    Integer minCount,
    Double ratio,
    Integer baselineWindows,
    Boolean perTopic,
    Grade grade,
    Double minZ,
    Boolean seasonal,
    Duration realert,
    Duration resolveAfter)
    implements RuleConfig {
  public SpikeRuleConfig {
    name = Check.required("name", name);
    window = Check.positive("window", window, Duration.ofMinutes(30));
    minCount = Check.atLeast("minCount", minCount, 5, 1);
    ratio = Check.atLeast("ratio", ratio, 3.0, 1.0);
    baselineWindows = Check.atLeast("baselineWindows", baselineWindows, 48, 1);
    perTopic = perTopic != null && perTopic;
    grade = grade == null ? Grade.ALERT : grade;
    minZ = Check.atLeast("minZ", minZ, 3.0, 0.0);
    seasonal = seasonal == null || seasonal;
    realert = Check.positive("realert", realert, Duration.ofHours(1));
    resolveAfter = resolveAfter == null ? null : Check.positive("resolveAfter", resolveAfter, null);
  }

  /** A spike rule with every default. */
  public static SpikeRuleConfig named(String name) {
    return new SpikeRuleConfig(name, null, null, null, null, null, null, null, null, null, null);
  }
}
