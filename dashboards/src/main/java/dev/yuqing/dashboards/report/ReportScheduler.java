package dev.yuqing.dashboards.report;

import static dev.yuqing.core.Html.esc;

import dev.yuqing.alerts.store.Database;
import dev.yuqing.core.config.ReportScheduleConfig;
import dev.yuqing.core.config.ReportScheduleConfig.Kind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends scheduled reports. {@link #tick()} is called every minute or so (by {@code yuqing serve});
 * it sends each schedule's report once its time of day has come, and records the period sent in the
 * database (table {@code report_deliveries}) so that a restart, or a second dashboard on the same
 * database, never sends the same report twice. A report whose time passed while yuqing was down is
 * sent at the next tick on the same day; earlier missed days are not caught up (say so to people
 * who expect it: run {@code yuqing report}).
 *
 * <p>Not thread-safe: one scheduler thread calls {@link #tick()}.
 */
public final class ReportScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(ReportScheduler.class);

  private final List<ReportScheduleConfig> schedules;
  private final List<String> commandGroup;
  private final ZoneId zone;
  private final ReportService reports;
  private final ReportSender sender;
  private final Clock clock;
  private final Database db;

  /**
   * @param commandGroup recipients of schedules that name none (alerts.recipients.alert)
   * @param db where the delivery record lives (the incident desk's database)
   */
  public ReportScheduler(
      List<ReportScheduleConfig> schedules,
      List<String> commandGroup,
      ZoneId zone,
      ReportService reports,
      ReportSender sender,
      Clock clock,
      Database db) {
    this.schedules = List.copyOf(schedules);
    this.commandGroup = List.copyOf(commandGroup);
    this.zone = zone;
    this.reports = reports;
    this.sender = sender;
    this.clock = clock;
    this.db = db;
  }

  /** The period a schedule should have sent by {@code now}, if its time has come today. */
  public static Optional<ReportPeriod> due(ReportScheduleConfig s, Instant now, ZoneId zone) {
    ZonedDateTime local = now.atZone(zone);
    LocalDate today = local.toLocalDate();
    if (!s.activeOn(today) || local.toLocalTime().isBefore(s.at())) {
      return Optional.empty();
    }
    if (s.kind() == Kind.WEEKLY && today.getDayOfWeek() != s.day()) {
      return Optional.empty();
    }
    return Optional.of(ReportPeriod.before(s.kind(), today, zone));
  }

  /**
   * Sends every report that is due and not yet sent.
   *
   * @return the names of the schedules sent
   */
  public List<String> tick() {
    Map<String, String> delivered = readState();
    List<String> sent = new ArrayList<>();
    Instant now = clock.instant();
    for (ReportScheduleConfig s : schedules) {
      Optional<ReportPeriod> period = due(s, now, zone);
      if (period.isEmpty() || period.get().first().toString().equals(delivered.get(s.name()))) {
        continue;
      }
      List<String> to = s.recipients().isEmpty() ? commandGroup : s.recipients();
      if (to.isEmpty()) {
        LOG.warn(
            "report schedule {}: no recipients (set recipients or alerts.recipients.alert)",
            s.name());
        continue;
      }
      try {
        Report r = reports.build(s.project(), period.get());
        byte[] file = reports.render(r, s.format());
        String type = s.format().equals("pdf") ? "application/pdf" : "text/html; charset=utf-8";
        String body =
            "<p>"
                + esc(ReportService.subject(r))
                + "</p><p>"
                + esc(ReportHtml.summary(r))
                + "</p><p>完整报告见附件。</p>";
        sender.send(
            new ReportMail(
                to,
                ReportService.subject(r),
                body,
                file,
                ReportService.fileName(r, s.format()),
                type));
        record(s.name(), period.get().first().toString());
        sent.add(s.name());
        LOG.info("report {} for {} sent to {}", s.name(), period.get().label(), to);
      } catch (Exception e) {
        // keep going with the other schedules; this one is tried again on the next tick
        LOG.warn("report {} for {} not sent: {}", s.name(), period.get().label(), e.toString());
      }
    }
    return sent;
  }

  /** The first day of the period each schedule last sent (table {@code report_deliveries}). */
  private Map<String, String> readState() {
    return db.transaction(
        false,
        c -> {
          Map<String, String> m = new TreeMap<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT schedule, period_first FROM report_deliveries");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              m.put(rs.getString(1), rs.getString(2));
            }
          }
          return m;
        });
  }

  private void record(String schedule, String periodFirst) {
    db.transaction(
        true,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO report_deliveries (schedule, period_first, sent_at) VALUES (?, ?, ?)"
                      + " ON CONFLICT (schedule) DO UPDATE SET period_first = excluded.period_first,"
                      + " sent_at = excluded.sent_at")) {
            ps.setString(1, schedule);
            ps.setString(2, periodFirst);
            ps.setLong(3, clock.instant().toEpochMilli());
            return ps.executeUpdate();
          }
        });
  }
}
