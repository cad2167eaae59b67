package dev.yuqing.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.alerts.AlertService;
import dev.yuqing.alerts.Alerts;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertPost;
import dev.yuqing.core.config.AlertsConfig;
import dev.yuqing.core.config.ConfigLoader;
import dev.yuqing.core.config.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentsCommandTest {
  @TempDir Path data;
  static final String ALERT_ID = "3f9a0c1b2d4e5f60";

  /** The incident the alert opens: what the commands name. */
  static final String ID = Incident.idOf("翡翠湾", ALERT_ID);

  static Alert alert() {
    Instant t = Instant.parse("2025-06-07T01:00:00Z");
    return Alerts.mobilization(
        ALERT_ID,
        t,
        "业主号召集体行动（时间「明天上午九点」，地点「售楼处」）；有明确时间和地点的聚集号召",
        List.of("拉横幅"),
        new AlertPost(
            "p1",
            null,
            "明天上午九点售楼处集合拉横幅\u001b[2J",
            "http://bbs.example.cn/t/1",
            "维权群主",
            t,
            "urn:uuid:1"));
  }

  @BeforeEach
  void raise() {
    AlertsConfig cfg =
        new ConfigLoader()
            .parse(
                "yuqing.yaml",
                """
                projects:
                  - name: 翡翠湾
                alerts:
                  recipients:
                    critical: [all@example.com]
                """)
            .alerts();
    try (AlertService svc =
        AlertService.open(
            data,
            cfg,
            null,
            Secrets.of(Map.of()),
            Clock.fixed(Instant.parse("2025-06-07T01:01:00Z"), ZoneOffset.UTC))) {
      svc.submit(alert());
      svc.tick();
    }
  }

  @Test
  void listsShowsAcknowledgesAndResolves() throws Exception {
    String d = data.toString();
    Cli.Run list = Cli.run("alerts", "list", "--data", d);
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains(ID, "一级", "未处理", "2025-06-07 09:00", "1/1", "翡翠湾：业主号召集体行动");

    Cli.Run show = Cli.run("alerts", "show", ID.substring(0, 4), "--data", d);
    assertThat(show.code()).isZero();
    assertThat(show.out())
        .contains(
            "【舆情预警·一级】翡翠湾",
            "明天上午九点售楼处集合拉横幅",
            "http://bbs.example.cn/t/1",
            "证据 urn:uuid:1",
            "集体行动号召（mobilization，一级）",
            "outbox")
        .doesNotContain("\u001b");

    Cli.Run ack = Cli.run("alerts", "ack", ID, "--by", "张经理", "--data", d);
    assertThat(ack.code()).isZero();
    assertThat(ack.out()).contains("已确认：张经理");

    Cli.Run resolve = Cli.run("alerts", "resolve", ID, "--by", "张经理", "--data", d);
    assertThat(resolve.code()).isZero();
    assertThat(resolve.out()).contains("已解除：张经理", "解除通知 1 条待发送");

    Cli.Run open = Cli.run("alerts", "list", "--open", "--data", d);
    assertThat(open.code()).isZero();
    assertThat(open.out()).contains("没有未解除的预警");
    try (var files = Files.list(data.resolve("outbox"))) {
      assertThat(files.count()).isEqualTo(1); // the recovery waits for the service
    }
  }

  @Test
  void assignsLogsAndClosesNamingWhoDidIt() {
    String d = data.toString();
    Cli.Run assign =
        Cli.run("incidents", "assign", ID, "--department", "客服", "--by", "王经理", "--data", d);
    assertThat(assign.code()).isZero();
    assertThat(assign.out()).contains("已指派给 客服部（王经理）");
    assertThat(
            Cli.run(
                    "incidents",
                    "log",
                    ID,
                    "--action",
                    "contact",
                    "电话联系3户业主",
                    "--by",
                    "李娜",
                    "--data",
                    d)
                .code())
        .isZero();
    Cli.Run show = Cli.run("incidents", "show", ID, "--data", d);
    assertThat(show.code()).isZero();
    assertThat(show.out())
        .contains(
            "状态：处置中", "确认：王经理", "负责：客服部（王经理 指派", "李娜  联系业主：电话联系3户业主", "联系业主12小时内", "王经理 指派给客服部");
    Cli.Run badDepartment = Cli.run("incidents", "assign", ID, "--department", "保安", "--data", d);
    assertThat(badDepartment.code()).isEqualTo(2);
    assertThat(badDepartment.err()).contains("department: '保安' is not one of");
    Cli.Run close = Cli.run("incidents", "close", ID, "--by", "王经理", "--data", d);
    assertThat(close.code()).isZero();
    assertThat(close.out()).contains("已关闭：王经理", "解除通知 1 条待发送");
    Cli.Run late = Cli.run("incidents", "log", ID, "补记一条", "--data", d);
    assertThat(late.code()).isEqualTo(2);
    assertThat(late.err()).contains("已关闭，不能再更改");
  }

  @Test
  void mistakesGetOneLine() {
    Cli.Run unknown = Cli.run("alerts", "show", "ffff", "--data", data.toString());
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("ffff: no such alert in");
    Cli.Run nowhere = Cli.run("alerts", "list", "--data", data.resolve("nowhere").toString());
    assertThat(nowhere.code()).isEqualTo(2);
    assertThat(nowhere.err()).contains("no alerts here");
    Cli.Run notAnId = Cli.run("alerts", "ack", "../../etc", "--data", data.toString());
    assertThat(notAnId.code()).isEqualTo(2);
    assertThat(notAnId.err()).contains("not an alert id");
  }
}
