package dev.yuqing.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.time.Duration;

/**
 * How alerts are grouped into incidents (one event at one project) and how often an incident's
 * thread may speak — Alertmanager's {@code group_wait} and {@code group_interval}, with the
 * grouping key being the project and the event's time span.
 *
 * @param window alerts of a project join its open incident when their posts overlap or their
 *     event-time spans come within this of each other (default 6h)
 * @param groupWait ({@code wait} in YAML: {@code wait()} is Object's) a new incident collects
 *     members this long before its first mail (default 2m; a critical incident does not wait); 0:
 *     at once
 * @param interval least time between two updates of an incident (default 30m); a grade increase and
 *     the recovery go at once; 0: every change at once
 */
public record GroupingConfig(
    Duration window, @JsonProperty("wait") Duration groupWait, Duration interval)
    implements Serializable {
  public static final GroupingConfig DEFAULT = new GroupingConfig(null, null, null);

  public GroupingConfig {
    window = Check.positive("window", window, Duration.ofHours(6));
    groupWait = Check.nonNegative("wait", groupWait, Duration.ofMinutes(2));
    interval = Check.nonNegative("interval", interval, Duration.ofMinutes(30));
  }
}
