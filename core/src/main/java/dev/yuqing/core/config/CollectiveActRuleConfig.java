package dev.yuqing.core.config;

import dev.yuqing.core.Grade;
import java.time.Duration;

/**
 * A post reporting a collective act that already happened ({@code Signals.collectiveAct}: a group
 * visit to the petition office, a joint letter, a gathering, a road block): not a call to act, but
 * a sign the conflict has already reached the street or the authorities.
 *
 * <p>One letter telling of a past group visit is a fact for the dashboard; the command group is
 * called when {@code minAuthors} distinct authors report such acts within {@code window} — owners
 * raising it together, as the plans' "业主集中反映" puts it.
 *
 * @param name rule name
 * @param minAuthors distinct authors needed within the window (default 2)
 * @param window how far back authors are counted (default 1d)
 * @param grade grade of such a report (default alert)
 * @param realert at most one update per incident this often (default 1h)
 * @param resolveAfter quiet time without a matching post before recovery (default 1d: such posts
 *     are sparse, and reports within a day belong to one incident)
 */
public record CollectiveActRuleConfig(
    String name,
    Integer minAuthors,
    Duration window,
    Grade grade,
    Duration realert,
    Duration resolveAfter)
    implements RuleConfig, DistinctAuthorsConfig {
  public CollectiveActRuleConfig {
    name = Check.required("name", name);
    minAuthors = Check.atLeast("minAuthors", minAuthors, 2, 1);
    window = Check.positive("window", window, Duration.ofDays(1));
    grade = grade == null ? Grade.ALERT : grade;
    realert = Check.positive("realert", realert, Duration.ofHours(1));
    resolveAfter = Check.positive("resolveAfter", resolveAfter, Duration.ofDays(1));
  }
}
