package dev.yuqing.core.config;

import dev.yuqing.core.Grade;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alert rules, who hears about each grade, and the lifecycle and delivery timings.
 *
 * <p>Routing: a grade reaches its own recipients and those of every grade below it ({@link
 * #recipientsFor}), because the plans want the people on duty to know whatever the command group
 * knows, and a critical alert "must reach every member at once". Escalation raises the grade and so
 * widens the audience.
 *
 * @param rules the rules; default: {@link #defaultRules()}
 * @param recipients mail addresses per grade; a grade also reaches the recipients of the grades
 *     below it
 * @param escalateAfter an alert not acknowledged within this goes to the next grade (default 30m)
 * @param resolveAfter a recovery notice once the signal stayed at baseline this long (default 2h)
 * @param dashboardUrl base URL of the dashboard, for links in alerts (default
 *     http://localhost:8080)
 * @param timeZone zone for hour-of-day and day-of-week baselines and for times shown in alerts
 *     (default Asia/Shanghai)
 * @param robots chat-robot webhooks (WeCom, DingTalk, Feishu); default none
 * @param retryInitial first wait after a failed delivery; doubled on each failure (default 10s)
 * @param retryMax longest wait between delivery attempts (default 5m)
 * @param giveUpAfter a delivery still failing this long after it was queued is marked failed
 *     (default 1d)
 * @param grouping how alerts become incidents and how often an incident's thread speaks
 * @param response the response plan's deadlines per grade; a grade left out, or a deadline left
 *     out, takes the defaults (acknowledge: {@code escalateAfter}; contact 12h; progress 24h)
 */
public record AlertsConfig(
    List<RuleConfig> rules,
    Map<Grade, List<String>> recipients,
    Duration escalateAfter,
    Duration resolveAfter,
    String dashboardUrl,
    String timeZone,
    List<RobotConfig> robots,
    Duration retryInitial,
    Duration retryMax,
    Duration giveUpAfter,
    GroupingConfig grouping,
    Map<Grade, ResponseConfig> response)
    implements Serializable {

  public static final AlertsConfig DEFAULT =
      new AlertsConfig(null, null, null, null, null, null, null, null, null, null, null, null);

  public AlertsConfig {
    rules = rules == null ? defaultRules() : List.copyOf(rules);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      if (!names.add(rules.get(i).name())) {
        throw new IllegalArgumentException(
            "rules[" + i + "].name: duplicate rule name '" + rules.get(i).name() + "'");
      }
    }
    EnumMap<Grade, List<String>> r = new EnumMap<>(Grade.class);
    if (recipients != null) {
      recipients.forEach((g, list) -> r.put(g, list == null ? List.of() : List.copyOf(list)));
    }
    for (Map.Entry<Grade, List<String>> e : r.entrySet()) {
      for (String address : e.getValue()) {
        if (address == null || !address.matches("[^@\\s]+@[^@\\s]+")) {
          throw new IllegalArgumentException(
              "recipients." + e.getKey().json() + ": not a mail address: '" + address + "'");
        }
      }
    }
    recipients = Map.copyOf(r);
    escalateAfter = Check.positive("escalateAfter", escalateAfter, Duration.ofMinutes(30));
    resolveAfter = Check.positive("resolveAfter", resolveAfter, Duration.ofHours(2));
    dashboardUrl =
        dashboardUrl == null
            ? "http://localhost:8080"
            : Check.httpUrl("dashboardUrl", dashboardUrl);
    timeZone = timeZone == null ? "Asia/Shanghai" : timeZone.strip();
    try {
      ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "timeZone: unknown time zone '" + timeZone + "' (e.g. Asia/Shanghai)", e);
    }
    robots = robots == null ? List.of() : List.copyOf(robots);
    Set<String> robotIds = new HashSet<>();
    for (int i = 0; i < robots.size(); i++) {
      String id = robots.get(i).id();
      if (!robotIds.add(id) || id.equals("smtp") || id.equals("outbox")) {
        throw new IllegalArgumentException(
            "robots[" + i + "].id: duplicate or reserved channel id '" + id + "'");
      }
    }
    retryInitial = Check.positive("retryInitial", retryInitial, Duration.ofSeconds(10));
    retryMax = Check.positive("retryMax", retryMax, Duration.ofMinutes(5));
    if (retryMax.compareTo(retryInitial) < 0) {
      throw new IllegalArgumentException("retryMax: must not be shorter than retryInitial");
    }
    giveUpAfter = Check.positive("giveUpAfter", giveUpAfter, Duration.ofDays(1));
    grouping = grouping == null ? GroupingConfig.DEFAULT : grouping;
    EnumMap<Grade, ResponseConfig> plan = new EnumMap<>(Grade.class);
    for (Grade g : Grade.values()) {
      ResponseConfig given = response == null ? null : response.get(g);
      try {
        plan.put(
            g,
            (given == null ? new ResponseConfig(null, null, null) : given)
                .withDefaults(escalateAfter));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("response." + g.json() + "." + e.getMessage(), e);
      }
    }
    response = Map.copyOf(plan);
  }

  /** The response plan's deadlines for incidents of {@code grade}. */
  public ResponseConfig response(Grade grade) {
    return response.get(grade);
  }

  /**
   * Checks that each window-count rule's window is a whole multiple of the stream's windows, which
   * those rules add up.
   *
   * @throws IllegalArgumentException naming the rule's key ({@code rules[i].window})
   */
  public void checkWindows(Duration streamWindow) {
    for (int i = 0; i < rules.size(); i++) {
      Duration w =
          rules.get(i) instanceof SpikeRuleConfig s
              ? s.window()
              : rules.get(i) instanceof ThresholdRuleConfig t ? t.window() : null;
      if (w != null
          && (w.compareTo(streamWindow) < 0 || w.toMillis() % streamWindow.toMillis() != 0)) {
        throw new IllegalArgumentException(
            "rules["
                + i
                + "].window: "
                + w
                + " is not a multiple of stream.window "
                + streamWindow);
      }
    }
  }

  /** The zone of {@link #timeZone()}. */
  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  /**
   * Everyone a message of this grade goes to: the grade's own recipients and those of every grade
   * below it, without duplicates, in grade order.
   */
  public List<String> recipientsFor(Grade grade) {
    LinkedHashSet<String> all = new LinkedHashSet<>();
    for (Grade g : Grade.values()) {
      if (g.compareTo(grade) <= 0) {
        all.addAll(recipients.getOrDefault(g, List.of()));
      }
    }
    return new ArrayList<>(all);
  }

  /**
   * The rules shipped by default, tuned so that a project's normal trickle of complaints pages
   * nobody (see the alerts module's package documentation for the figures on real data):
   *
   * <ul>
   *   <li>{@code negative-spike}: ≥ 5 negative posts in 30 minutes, ≥ 3 × and 3 σ above the
   *       seasonal baseline → alert (二级);
   *   <li>{@code critical-words}: 跳楼, 堵路 … in one post → critical (一级);
   *   <li>{@code mobilization}: a call to gather or act together → alert; with a time and a place →
   *       critical;
   *   <li>{@code media}: journalists, TV, exposure in posts of 2 distinct authors within a day →
   *       critical;
   *   <li>{@code collective-act}: a report of a collective act that already happened → alert;
   *   <li>{@code new-topic}: a topic not seen for a week raised by 3 distinct authors within a day
   *       → notice (三级).
   * </ul>
   */
  public static List<RuleConfig> defaultRules() {
    return List.of(
        SpikeRuleConfig.named("negative-spike"),
        new KeywordRuleConfig("critical-words", null, null, null, null, null, null),
        new MobilizationRuleConfig("mobilization", null, null, null, null),
        new CollectiveActRuleConfig("collective-act", null, null, null, null, null),
        new MediaRuleConfig("media", null, null, 2, null, null, null, null, null),
        new NewTopicRuleConfig("new-topic", null, null, null, null, null, null));
  }
}
