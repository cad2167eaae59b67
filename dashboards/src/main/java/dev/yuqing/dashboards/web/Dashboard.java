package dev.yuqing.dashboards.web;

import dev.yuqing.core.config.DashboardConfig;
import dev.yuqing.core.config.ProjectConfig;
import dev.yuqing.core.evidence.EvidenceReader;
import dev.yuqing.dashboards.AlertInbox;
import dev.yuqing.dashboards.IncidentDesk;
import dev.yuqing.dashboards.insight.Insights;
import dev.yuqing.dashboards.report.IncidentReport;
import dev.yuqing.index.PostIndex;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What the dashboard reads and changes, wired once by {@code yuqing serve} (or a test).
 *
 * @param config users, sessions, login limits
 * @param projects the watched projects, for the project switch
 * @param index the post index (read only)
 * @param insights counts over the index
 * @param alerts each incident as one alert (the overview, the alerts list, the reports)
 * @param clock time for sessions, the login throttle and "now"
 * @param zone time zone in which times are shown and days begin
 * @param desk the incident desk: the inbox, one incident, people's changes; its database holds the
 *     sessions too
 * @param evidence the crawler's evidence store ({@code DATA/evidence}), or null when there is none
 * @param summary renders an incident's summary report (总结) as PDF, or null when no CJK font is
 *     installed
 */
public record Dashboard(
    DashboardConfig config,
    List<ProjectConfig> projects,
    PostIndex index,
    Insights insights,
    AlertInbox alerts,
    IncidentDesk desk,
    Clock clock,
    ZoneId zone,
    EvidenceReader evidence,
    IncidentReport summary) {
  public Dashboard {
    Objects.requireNonNull(config, "config");
    projects = List.copyOf(projects);
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(insights, "insights");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(desk, "desk");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(zone, "zone");
  }

  /** The project named in a request if it is configured, else the first project. */
  String project(String requested) {
    if (requested != null) {
      for (ProjectConfig p : projects) {
        if (p.name().equals(requested)) {
          return p.name();
        }
      }
    }
    return projects.isEmpty() ? null : projects.get(0).name();
  }
}
