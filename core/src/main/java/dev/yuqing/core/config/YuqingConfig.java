package dev.yuqing.core.config;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The whole configuration file. Every section but {@code projects} has defaults; see
 * config/example.yaml for each key.
 *
 * @param projects watched projects (at least one)
 * @param sources where posts come from
 * @param crawler politeness and safety limits
 * @param index index backend
 * @param alerts rules, recipients and lifecycle timings
 * @param smtp mail server; null: alerts go to the outbox directory only
 * @param stream the Flink job
 * @param dashboard the web dashboard: users, TLS, sessions
 * @param reports daily and weekly reports and their mail schedule
 * @param database the PostgreSQL server of the incident desk; null: the embedded store under the
 *     data directory
 */
public record YuqingConfig(
    List<ProjectConfig> projects,
    List<SourceConfig> sources,
    CrawlerConfig crawler,
    IndexConfig index,
    AlertsConfig alerts,
    SmtpConfig smtp,
    StreamConfig stream,
    DashboardConfig dashboard,
    ReportsConfig reports,
    DatabaseConfig database) {

  public YuqingConfig {
    if (projects == null || projects.isEmpty()) {
      throw new IllegalArgumentException("projects: at least one project is required");
    }
    projects = List.copyOf(projects);
    sources = sources == null ? List.of() : List.copyOf(sources);
    crawler = crawler == null ? CrawlerConfig.DEFAULT : crawler;
    index = index == null ? IndexConfig.DEFAULT : index;
    alerts = alerts == null ? AlertsConfig.DEFAULT : alerts;
    stream = stream == null ? StreamConfig.DEFAULT : stream;
    dashboard = dashboard == null ? DashboardConfig.DEFAULT : dashboard;
    reports = reports == null ? ReportsConfig.DEFAULT : reports;
    try {
      alerts.checkWindows(stream.window());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("alerts." + e.getMessage(), e);
    }

    Set<String> projectNames = new HashSet<>();
    for (int i = 0; i < projects.size(); i++) {
      if (!projectNames.add(projects.get(i).name())) {
        throw new IllegalArgumentException(
            "projects[" + i + "].name: duplicate project '" + projects.get(i).name() + "'");
      }
    }
    Set<String> sourceIds = new HashSet<>();
    for (int i = 0; i < sources.size(); i++) {
      SourceConfig s = sources.get(i);
      if (s.id().equals(SourceConfig.MANUAL_ID)) {
        throw new IllegalArgumentException(
            "sources[" + i + "].id: '" + SourceConfig.MANUAL_ID + "' is reserved for yuqing add");
      }
      if (!sourceIds.add(s.id())) {
        throw new IllegalArgumentException(
            "sources[" + i + "].id: duplicate source id '" + s.id() + "'");
      }
      for (String p : s.projects()) {
        if (!projectNames.contains(p)) {
          throw new IllegalArgumentException(
              "sources[" + i + "].projects: '" + p + "' is not a project in projects[].name");
        }
      }
    }
    for (int i = 0; i < reports.schedules().size(); i++) {
      String p = reports.schedules().get(i).project();
      if (!projectNames.contains(p)) {
        throw new IllegalArgumentException(
            "reports.schedules["
                + i
                + "].project: '"
                + p
                + "' is not a project in projects[].name");
      }
    }
  }

  /** A configuration of these projects with every other section at its defaults. */
  public static YuqingConfig ofProjects(List<ProjectConfig> projects) {
    return new YuqingConfig(projects, null, null, null, null, null, null, null, null, null);
  }

  /** This configuration with other stream settings. */
  public YuqingConfig withStream(StreamConfig s) {
    return new YuqingConfig(
        projects, sources, crawler, index, alerts, smtp, s, dashboard, reports, database);
  }

  public Optional<ProjectConfig> project(String name) {
    return projects.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
