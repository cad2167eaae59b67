package dev.yuqing.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.yuqing.core.LowerCaseNamed;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * One scheduled report. A daily report is usually switched on only for a key stage (集中交房): give
 * {@code activeFrom} and {@code activeUntil}.
 *
 * @param name unique name, used in logs and in the delivery state
 * @param kind daily or weekly
 * @param project the project the report covers (a name in {@code projects[].name})
 * @param at local time of day to send (default 08:00); a daily report covers the day before, a
 *     weekly report the week (Monday to Sunday) before
 * @param dayOfWeek weekly reports: the day to send (default monday)
 * @param activeFrom first day the schedule sends, or null for always
 * @param activeUntil last day the schedule sends, or null for always
 * @param recipients mail addresses; default: the command group ({@code alerts.recipients.alert})
 * @param format pdf (default) or html, attached to the mail
 */
public record ReportScheduleConfig(
    String name,
    Kind kind,
    String project,
    LocalTime at,
    String dayOfWeek,
    LocalDate activeFrom,
    LocalDate activeUntil,
    List<String> recipients,
    String format) {

  public ReportScheduleConfig {
    name = Check.required("name", name);
    if (kind == null) {
      throw new IllegalArgumentException("kind: is required (daily or weekly)");
    }
    project = Check.required("project", project);
    at = at == null ? LocalTime.of(8, 0) : at;
    dayOfWeek = dayOfWeek == null ? "monday" : dayOfWeek.strip().toLowerCase(Locale.ROOT);
    try {
      DayOfWeek.valueOf(dayOfWeek.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "dayOfWeek: not a day of the week: '" + dayOfWeek + "' (monday … sunday)", e);
    }
    if (activeFrom != null && activeUntil != null && activeUntil.isBefore(activeFrom)) {
      throw new IllegalArgumentException(
          "activeUntil: " + activeUntil + " is before activeFrom " + activeFrom);
    }
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
    for (String address : recipients) {
      if (!address.matches("[^@\\s]+@[^@\\s]+")) {
        throw new IllegalArgumentException("recipients: not a mail address: '" + address + "'");
      }
    }
    format = format == null ? "pdf" : format.strip().toLowerCase(Locale.ROOT);
    if (!format.equals("pdf") && !format.equals("html")) {
      throw new IllegalArgumentException("format: pdf or html, got '" + format + "'");
    }
  }

  public DayOfWeek day() {
    return DayOfWeek.valueOf(dayOfWeek.toUpperCase(Locale.ROOT));
  }

  /** Whether the schedule sends on this local date. */
  public boolean activeOn(LocalDate date) {
    return (activeFrom == null || !date.isBefore(activeFrom))
        && (activeUntil == null || !date.isAfter(activeUntil));
  }

  static String zone(String key, String zone) {
    try {
      return ZoneId.of(zone.strip()).getId();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(key + ": unknown time zone '" + zone + "'", e);
    }
  }

  /** Report kinds. */
  public enum Kind implements LowerCaseNamed {
    /** 日报: one day, against the day before. */
    DAILY,
    /** 周报: Monday to Sunday, against the week before. */
    WEEKLY;

    @JsonCreator
    public static Kind parse(String s) {
      return LowerCaseNamed.byName(Kind.class, "kind", s);
    }
  }
}
