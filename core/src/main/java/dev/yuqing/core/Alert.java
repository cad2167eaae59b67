package dev.yuqing.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One incident the command group must hear about. An alert is updated in place (revision + 1) while
 * the incident goes on, so that one incident is one message thread, never a flood.
 *
 * @param id stable id of the incident (the same incident gets the same id after a restart)
 * @param key suppression and aggregation key: rule, project and topic
 * @param rule name of the rule in config
 * @param ruleType spike, threshold, keyword, mobilization, media or new-topic
 * @param project the watched project
 * @param topic topic label when the rule is keyed per topic, else null
 * @param grade current severity grade
 * @param state lifecycle state
 * @param firstAt event time the incident began
 * @param updatedAt event time of the latest change
 * @param reason what crossed which threshold, in Chinese, for people
 * @param count posts counted in the window that fired
 * @param baseline posts expected in such a window
 * @param topTopics most frequent topics among the posts
 * @param topKeywords most frequent keywords among the posts
 * @param posts up to five representative posts
 * @param revision 1 when first raised, raised on every update
 * @param trend counts per window before and during the incident, oldest first (for the chart)
 * @param total posts the rule matched since the incident began
 */
public record Alert(
    String id,
    String key,
    String rule,
    String ruleType,
    String project,
    String topic,
    Grade grade,
    AlertState state,
    Instant firstAt,
    Instant updatedAt,
    String reason,
    long count,
    double baseline,
    List<String> topTopics,
    List<String> topKeywords,
    List<AlertPost> posts,
    int revision,
    List<TrendPoint> trend,
    long total) {

  public Alert {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(grade, "grade");
    Objects.requireNonNull(state, "state");
    topTopics = topTopics == null ? List.of() : List.copyOf(topTopics);
    topKeywords = topKeywords == null ? List.of() : List.copyOf(topKeywords);
    posts = posts == null ? List.of() : List.copyOf(posts);
    revision = Math.max(1, revision);
    trend = trend == null ? List.of() : List.copyOf(trend);
    total = Math.max(total, count);
  }

  /** The mail subject: grade first, then project and what happened. */
  public String subject() {
    return "【舆情预警·" + grade.level() + "】" + project + "：" + headline();
  }

  /** What happened in one line: the reason up to its first '；'. */
  public String headline() {
    int cut = reason == null ? -1 : reason.indexOf('；');
    return reason == null ? ruleType : cut > 0 ? reason.substring(0, cut) : reason;
  }

  public Alert withState(AlertState s, Instant at) {
    return with(grade, s, at);
  }

  /** This alert at another grade (escalation keeps every other field). */
  public Alert withGrade(Grade g) {
    return with(g, state, updatedAt);
  }

  private Alert with(Grade g, AlertState s, Instant updated) {
    return new Alert(
        id,
        key,
        rule,
        ruleType,
        project,
        topic,
        g,
        s,
        firstAt,
        updated,
        reason,
        count,
        baseline,
        topTopics,
        topKeywords,
        posts,
        revision,
        trend,
        total);
  }
}
