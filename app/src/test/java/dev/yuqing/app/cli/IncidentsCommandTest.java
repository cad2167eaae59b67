package dev.yuqing.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.alerts.AlertService;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.app.Yuqing;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertPost;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import dev.yuqing.core.config.AlertsConfig;
import dev.yuqing.core.config.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  static final String ALERT_ID = "3f9a0c1b2d4e5f60";

  /** The incident the alert opens: what the commands name. */
  static final String ID = Incident.idOf("翡翠湾", ALERT_ID);

  static Alert alert() {
    Instant t = Instant.parse("2025-06-07T01:00:00Z");
    return new Alert(
        ALERT_ID,
        "mobilization|翡翠湾",
        "mobilization",
        "mobilization",
        "翡翠湾",
        null,
        Grade.CRITICAL,
        AlertState.FIRING,
        t,
        t,
        "业主号召集体行动（时间「明天上午九点」，地点「售楼处」）；有明确时间和地点的聚集号召",
        1,
        Double.NaN,
        List.of("维权行动"),
        List.of("拉横幅"),
        List.of(
            new AlertPost(
                "p1",
                null,
                "明天上午九点售楼处集合拉横幅\u001b[2J",
                "http://bbs.example.cn/t/1",
                "维权群主",
                t,
                "urn:uuid:1")),
        1,
        List.of(),
        1);
  }

  @BeforeEach
  void raise() {
    AlertsConfig cfg =
        new AlertsConfig(
            null,
            Map.of(Grade.CRITICAL, List.of("all@example.com")),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
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

  private int run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return Yuqing.execute(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void listsShowsAcknowledgesAndResolves() throws Exception {
    assertThat(run("alerts", "list", "--data", data.toString())).isZero();
    assertThat(out()).contains(ID, "一级", "未处理", "2025-06-07 09:00", "1/1", "翡翠湾：业主号召集体行动");

    out.reset();
    assertThat(run("alerts", "show", ID.substring(0, 4), "--data", data.toString())).isZero();
    assertThat(out())
        .contains(
            "【舆情预警·一级】翡翠湾",
            "明天上午九点售楼处集合拉横幅",
            "http://bbs.example.cn/t/1",
            "证据 urn:uuid:1",
            "集体行动号召（mobilization，一级）",
            "outbox")
        .doesNotContain("\u001b");

    out.reset();
    assertThat(run("alerts", "ack", ID, "--by", "张经理", "--data", data.toString())).isZero();
    assertThat(out()).contains("已确认：张经理");

    out.reset();
    assertThat(run("alerts", "resolve", ID, "--by", "张经理", "--data", data.toString())).isZero();
    assertThat(out()).contains("已解除：张经理", "解除通知 1 条待发送");

    out.reset();
    assertThat(run("alerts", "list", "--open", "--data", data.toString())).isZero();
    assertThat(out()).contains("没有未解除的预警");
    try (var files = Files.list(data.resolve("outbox"))) {
      assertThat(files.count()).isEqualTo(1); // the recovery waits for the service
    }
  }

  @Test
  void assignsLogsAndClosesNamingWhoDidIt() {
    String d = data.toString();
    assertThat(run("incidents", "assign", ID, "--department", "客服", "--by", "王经理", "--data", d))
        .isZero();
    assertThat(out()).contains("已指派给 客服部（王经理）");
    assertThat(
            run(
                "incidents",
                "log",
                ID,
                "--action",
                "contact",
                "电话联系3户业主",
                "--by",
                "李娜",
                "--data",
                d))
        .isZero();
    out.reset();
    assertThat(run("incidents", "show", ID, "--data", d)).isZero();
    assertThat(out())
        .contains(
            "状态：处置中", "确认：王经理", "负责：客服部（王经理 指派", "李娜  联系业主：电话联系3户业主", "联系业主12小时内", "王经理 指派给客服部");
    assertThat(run("incidents", "assign", ID, "--department", "保安", "--data", d)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("department: '保安' is not one of");
    out.reset();
    assertThat(run("incidents", "close", ID, "--by", "王经理", "--data", d)).isZero();
    assertThat(out()).contains("已关闭：王经理", "解除通知 1 条待发送");
    assertThat(run("incidents", "log", ID, "补记一条", "--data", d)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("已关闭，不能再更改");
  }

  @Test
  void mistakesGetOneLine() {
    assertThat(run("alerts", "show", "ffff", "--data", data.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("ffff: no such alert in");
    assertThat(run("alerts", "list", "--data", data.resolve("nowhere").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no alerts here");
    assertThat(run("alerts", "ack", "../../etc", "--data", data.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("not an alert id");
  }
}
