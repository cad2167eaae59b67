package dev.yuqing.core.config;

import dev.yuqing.core.Grade;
import java.time.Duration;

/**
 * Negative posts in the current window against the usual level.
 *
 * @param name rule name
 * @param window counting window (default 30m)
 * @param minCount absolute floor: fewer negative posts than this in a window never alert (default
 *     5), so that 0 → 3 posts pages nobody
 * @param ratio the window must hold at least this many times the baseline (default 3.0)
 * @param baselineWindows how many past windows the baseline averages over (default 48)
 * @param perTopic key the rule per project and topic instead of per project (default false)
 * @param grade starting grade (default alert)
 */
public record SpikeRuleConfig(
    String name,
    Duration window,
    Integer minCount,
    Double ratio,
    Integer baselineWindows,
    Boolean perTopic,
    Grade grade)
    implements RuleConfig {
  public SpikeRuleConfig {
    name = Check.required("name", name);
    window = Check.positive("window", window, Duration.ofMinutes(30));
    minCount = Check.atLeast("minCount", minCount, 5, 1);
    ratio = Check.atLeast("ratio", ratio, 3.0, 1.0);
    baselineWindows = Check.atLeast("baselineWindows", baselineWindows, 48, 1);
    perTopic = perTopic != null && perTopic;
    grade = grade == null ? Grade.ALERT : grade;
  }
}
