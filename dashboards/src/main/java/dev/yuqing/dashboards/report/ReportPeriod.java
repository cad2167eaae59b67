package dev.yuqing.dashboards.report;

import dev.yuqing.core.config.ReportScheduleConfig.Kind;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * The days a report covers, both inclusive, in a time zone.
 *
 * @param kind daily or weekly (decides the title and the wording)
 * @param first first day
 * @param last last day (not before {@code first})
 * @param zone where days begin
 */
public record ReportPeriod(Kind kind, LocalDate first, LocalDate last, ZoneId zone) {
  public ReportPeriod {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(zone, "zone");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("--to " + last + " is before --from " + first);
    }
  }

  /** The report due on {@code today}: yesterday, or the Monday-to-Sunday week before. */
  public static ReportPeriod before(Kind kind, LocalDate today, ZoneId zone) {
    if (kind == Kind.DAILY) {
      LocalDate d = today.minusDays(1);
      return new ReportPeriod(kind, d, d, zone);
    }
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
    return new ReportPeriod(kind, monday, monday.plusDays(6), zone);
  }

  public long days() {
    return ChronoUnit.DAYS.between(first, last) + 1;
  }

  /** The period of the same length just before this one, for comparison. */
  public ReportPeriod previous() {
    return new ReportPeriod(kind, first.minusDays(days()), first.minusDays(1), zone);
  }

  public Instant start() {
    return first.atStartOfDay(zone).toInstant();
  }

  /** End, exclusive: the start of the day after {@code last}. */
  public Instant end() {
    return last.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** 日报 or 周报. */
  public String kindName() {
    return kind == Kind.DAILY ? "日报" : "周报";
  }

  /** 上周 / 前一日, for "compared with …". */
  public String previousName() {
    return kind == Kind.DAILY && days() == 1
        ? "前一日"
        : kind == Kind.WEEKLY && days() == 7 ? "上周" : "上一周期";
  }

  /** e.g. 2024年第19周（2024-05-06 至 2024-05-12） or 2024-05-06. */
  public String label() {
    if (days() == 1) {
      return first.toString();
    }
    String range = first + " 至 " + last;
    if (kind == Kind.WEEKLY && days() == 7 && first.getDayOfWeek() == DayOfWeek.MONDAY) {
      return first.get(IsoFields.WEEK_BASED_YEAR)
          + "年第"
          + first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
          + "周（"
          + range
          + "）";
    }
    return range;
  }
}
