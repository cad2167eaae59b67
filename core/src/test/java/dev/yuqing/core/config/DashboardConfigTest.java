package dev.yuqing.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DashboardConfigTest {
  private static final String HASH =
      "pbkdf2-sha256$600000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=";
  private static final String BASE =
      """
      projects:
        - name: 翡翠湾
      alerts:
        recipients:
          alert: [cmd@example.com]
      dashboard:
        users:
          - name: pr-duty
            passwordHash: "%s"
          - name: zhang.wei
            passwordHash: "%s"
            role: admin
        secureCookies: true
        maxLoginFailures: 3
      reports:
        schedules:
          - name: handover-daily
            kind: daily
            project: 翡翠湾
            at: "07:30"
            activeFrom: 2024-05-01
            activeUntil: 2024-06-30
          - name: weekly
            kind: weekly
            project: 翡翠湾
      """
          .formatted(HASH, HASH);

  private final ConfigLoader loader = new ConfigLoader();

  @Test
  void bindsUsersAndSchedules() {
    YuqingConfig c = loader.parse("c.yaml", BASE);
    DashboardConfig d = c.dashboard();
    assertThat(d.user("pr-duty").orElseThrow().role()).isEqualTo(UserConfig.Role.VIEWER);
    assertThat(d.user("zhang.wei").orElseThrow().role()).isEqualTo(UserConfig.Role.ADMIN);
    assertThat(d.secureCookies()).isTrue();
    assertThat(d.maxLoginFailures()).isEqualTo(3);
    assertThat(d.sessionTimeout()).isEqualTo(Duration.ofHours(8));
    assertThat(d.bind()).isEqualTo("127.0.0.1");
    ReportScheduleConfig daily = c.reports().schedules().get(0);
    assertThat(daily.at()).isEqualTo(LocalTime.of(7, 30));
    assertThat(daily.activeOn(LocalDate.of(2024, 5, 1))).isTrue();
    assertThat(daily.activeOn(LocalDate.of(2024, 7, 1))).isFalse();
    assertThat(c.reports().schedules().get(1).day()).isEqualTo(java.time.DayOfWeek.MONDAY);
    assertThat(c.reports().zone()).isEqualTo("Asia/Shanghai");
  }

  @Test
  void defaultsWithoutSections() {
    YuqingConfig c = loader.parse("c.yaml", "projects:\n  - name: 翡翠湾\n");
    assertThat(c.dashboard().users()).isEmpty();
    assertThat(c.dashboard().secureCookies()).isFalse();
    assertThat(c.reports().font()).isEqualTo(ReportsConfig.DEFAULT_FONT);
  }

  @Test
  void aPlainPasswordIsRefused() {
    assertThatThrownBy(
            () -> loader.parse("c.yaml", BASE.replaceFirst("\"pbkdf2[^\"]*\"", "hunter2")))
        .hasMessageStartingWith(
            "c.yaml: dashboard.users[0].passwordHash: not a hash from 'yuqing user hash'");
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(() -> loader.parse("c.yaml", BASE.replace("role: admin", "role: root")))
        .hasMessageContaining("dashboard.users[1].role")
        .hasMessageContaining("unknown role 'root'");
    assertThatThrownBy(() -> loader.parse("c.yaml", BASE.replace("kind: weekly", "kind: monthly")))
        .hasMessageContaining("reports.schedules[1].kind")
        .hasMessageContaining("unknown kind 'monthly'");
    assertThatThrownBy(
            () ->
                loader.parse(
                    "c.yaml", BASE.replace("project: 翡翠湾\n      at:", "project: 云栖\n      at:")))
        .hasMessage(
            "c.yaml: reports.schedules[0].project: '云栖' is not a project in projects[].name");
    assertThatThrownBy(() -> loader.parse("c.yaml", BASE.replace("2024-06-30", "2024-04-30")))
        .hasMessageContaining("reports.schedules[0].activeUntil: 2024-04-30 is before activeFrom");
    assertThatThrownBy(
            () -> loader.parse("c.yaml", BASE.replace("secureCookies: true", "sessionTimeot: 1h")))
        .hasMessageContaining("dashboard.sessionTimeot: unknown key");
  }
}
