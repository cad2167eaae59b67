package dev.yuqing.dashboards.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.config.ReportScheduleConfig;
import dev.yuqing.core.config.ReportScheduleConfig.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportSchedulerTest {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  // Monday 2024-05-13, local times
  private static final Instant MONDAY_0759 = Instant.parse("2024-05-12T23:59:00Z");
  private static final Instant MONDAY_0800 = Instant.parse("2024-05-13T00:00:00Z");
  private static final Instant TUESDAY_0900 = Instant.parse("2024-05-14T01:00:00Z");

  private static ReportScheduleConfig daily(LocalDate from, LocalDate until) {
    return new ReportScheduleConfig(
        "handover-daily", Kind.DAILY, "翡翠湾", LocalTime.of(8, 0), null, from, until, null, null);
  }

  private static final ReportScheduleConfig WEEKLY =
      new ReportScheduleConfig(
          "weekly", Kind.WEEKLY, "翡翠湾", null, "monday", null, null, null, null);

  @Test
  void dailyCoversYesterdayOnceItsTimeHasCome() {
    ReportScheduleConfig s = daily(null, null);
    assertThat(ReportScheduler.due(s, MONDAY_0759, CHINA)).isEmpty();
    ReportPeriod p = ReportScheduler.due(s, MONDAY_0800, CHINA).orElseThrow();
    assertThat(p.first()).isEqualTo(LocalDate.of(2024, 5, 12));
    assertThat(p.last()).isEqualTo(p.first());
    assertThat(ReportScheduler.due(s, TUESDAY_0900, CHINA).orElseThrow().first())
        .isEqualTo(LocalDate.of(2024, 5, 13));
  }

  @Test
  void dailyOnlyDuringTheKeyStage() {
    ReportScheduleConfig s = daily(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 13));
    assertThat(ReportScheduler.due(s, MONDAY_0800, CHINA)).isPresent();
    assertThat(ReportScheduler.due(s, TUESDAY_0900, CHINA)).isEmpty();
  }

  @Test
  void weeklyCoversTheWeekBeforeOnItsDay() {
    ReportPeriod p = ReportScheduler.due(WEEKLY, MONDAY_0800, CHINA).orElseThrow();
    assertThat(p.first()).isEqualTo(LocalDate.of(2024, 5, 6));
    assertThat(p.last()).isEqualTo(LocalDate.of(2024, 5, 12));
    assertThat(p.label()).isEqualTo("2024年第19周（2024-05-06 至 2024-05-12）");
    assertThat(p.previous().first()).isEqualTo(LocalDate.of(2024, 4, 29));
    assertThat(ReportScheduler.due(WEEKLY, TUESDAY_0900, CHINA)).isEmpty();
  }
}
