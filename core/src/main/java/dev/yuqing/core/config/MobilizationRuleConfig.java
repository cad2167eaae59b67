package dev.yuqing.core.config;

import dev.yuqing.core.Grade;
import java.time.Duration;

/**
 * A post calling people to gather or act together ({@code Signals.mobilization}). A call that names
 * both a time and a place is graded {@code timeAndPlaceGrade}: the plans treat a gathering with a
 * time and a place as critical.
 *
 * @param name rule name
 * @param grade grade of a call without time or place (default alert)
 * @param timeAndPlaceGrade grade of a call with both time and place (default critical)
 * @param realert at most one update per incident this often (default 1h)
 * @param resolveAfter quiet time without a matching post before recovery (default 1d: such posts
 *     are sparse, and calls or mentions within a day belong to one incident)
 */
public record MobilizationRuleConfig(
    String name, Grade grade, Grade timeAndPlaceGrade, Duration realert, Duration resolveAfter)
    implements RuleConfig {
  public MobilizationRuleConfig {
    name = Check.required("name", name);
    grade = grade == null ? Grade.ALERT : grade;
    timeAndPlaceGrade = timeAndPlaceGrade == null ? Grade.CRITICAL : timeAndPlaceGrade;
    if (timeAndPlaceGrade.compareTo(grade) < 0) {
      throw new IllegalArgumentException(
          "timeAndPlaceGrade: must not be below grade (" + grade.json() + ")");
    }
    realert = Check.positive("realert", realert, Duration.ofHours(1));
    resolveAfter = Check.positive("resolveAfter", resolveAfter, Duration.ofDays(1));
  }
}
