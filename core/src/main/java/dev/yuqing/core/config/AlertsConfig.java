package dev.yuqing.core.config;

import dev.yuqing.core.Grade;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alert rules, who hears about each grade, and the lifecycle timings.
 *
 * @param rules the rules; default: {@link #defaultRules()}
 * @param recipients mail addresses per grade; a grade also reaches the recipients of the grades
 *     below it
 * @param escalateAfter an alert not acknowledged within this goes to the next grade (default 30m)
 * @param resolveAfter a recovery notice once the signal stayed at baseline this long (default 2h)
 * @param dashboardUrl base URL of the dashboard, for links in alerts (default
 *     http://localhost:8080)
 */
public record AlertsConfig(
    List<RuleConfig> rules,
    Map<Grade, List<String>> recipients,
    Duration escalateAfter,
    Duration resolveAfter,
    String dashboardUrl) {

  public static final AlertsConfig DEFAULT = new AlertsConfig(null, null, null, null, null);

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
        if (!address.matches("[^@\\s]+@[^@\\s]+")) {
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
  }

  /** The rules shipped by default: a spike of negative posts per project. */
  public static List<RuleConfig> defaultRules() {
    return List.of(new SpikeRuleConfig("negative-spike", null, null, null, null, null, null));
  }
}
