package dev.yuqing.alerts.rules;

import dev.yuqing.core.TrendPoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * State of a window-count rule (spike, threshold) for one project: one series per key ("" for the
 * whole project, else a topic label).
 *
 * @param watchingSince start of the first window seen for the project; a key first seen later (a
 *     topic) has its history counted from here, as empty windows
 * @param series per key
 */
public record CountRuleState(Instant watchingSince, Map<String, Series> series)
    implements RuleState {
  public CountRuleState {
    series =
        series == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(series));
  }

  public static CountRuleState empty() {
    return new CountRuleState(null, Map.of());
  }

  /**
   * One key's memory.
   *
   * @param baseline the learnt usual level, or null for rules without one (threshold)
   * @param nextStart start of the next window expected; windows before it are late
   * @param recent counts of the last stream windows before {@code nextStart} (oldest first; as many
   *     as the rule window spans minus one)
   * @param trend the last {@value #TREND_POINTS} chart points
   * @param openAlert the open alert, or null
   */
  public record Series(
      SeasonalBaseline baseline,
      Instant nextStart,
      List<Long> recent,
      List<TrendPoint> trend,
      OpenAlert openAlert)
      implements java.io.Serializable {
    public static final int TREND_POINTS = 48;

    public Series {
      recent = recent == null ? List.of() : List.copyOf(recent);
      trend = trend == null ? List.of() : List.copyOf(trend);
    }

    /** This series with another open alert (or none). */
    Series withOpenAlert(OpenAlert open) {
      return new Series(baseline, nextStart, recent, trend, open);
    }
  }
}
