package dev.yuqing.dashboards.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.alerts.AlertService;
import dev.yuqing.alerts.Alerts;
import dev.yuqing.alerts.incident.LogEntry;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import dev.yuqing.core.config.AlertsConfig;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.dashboards.IncidentDesk;
import dev.yuqing.dashboards.fixture.DataDir;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions live in the desk's database: a dashboard stopped and started again on the same data
 * keeps everyone logged in, with the same CSRF tokens; and the roles hold across it: an admin logs
 * a step through the form, a viewer's attempts to assign or log are refused and change nothing.
 */
class DashboardSessionsIT {
  @TempDir Path data;
  DashboardServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  DashboardServer start() throws Exception {
    IncidentDesk desk = DataDir.desk(data); // a new process's own handle on the same file
    return DashboardServer.start(
        TestDashboards.withoutPosts(5, desk.alerts(), desk), "127.0.0.1", 0, null);
  }

  /** An incident for the desk: a call to gather, grade 一级. */
  String raise() {
    Instant t = Instant.parse("2025-06-07T01:00:00Z");
    Alert a =
        Alerts.of(
            "3f9a0c1b2d4e5f60",
            "mobilization",
            Grade.CRITICAL,
            AlertState.FIRING,
            t,
            t,
            1,
            1,
            "业主号召周六上午九点到售楼处集合",
            "p1");
    try (AlertService svc =
        AlertService.open(
            data, AlertsConfig.DEFAULT, null, Secrets.of(Map.of()), Clock.systemUTC())) {
      svc.submit(a);
      return svc.store().inTransaction(tx -> tx.all()).get(0).id();
    }
  }

  @Test
  void aRestartKeepsEveryoneLoggedInAndAViewerStillMayNotAssignOrLog() throws Exception {
    String id = raise();
    server = start();
    WebClient admin = new WebClient(server.uri());
    WebClient viewer = new WebClient(server.uri());
    assertThat(admin.login("admin", TestDashboards.PASSWORD).statusCode()).isEqualTo(303);
    assertThat(viewer.login("viewer", TestDashboards.PASSWORD).statusCode()).isEqualTo(303);
    String adminToken = admin.csrf();
    String viewerToken = viewer.csrf();

    server.close();
    server = start(); // the same data, a new port
    admin = moved(admin);
    viewer = moved(viewer);
    HttpResponse<String> inbox = admin.get("/incidents");
    assertThat(inbox.statusCode()).as("still logged in").isEqualTo(200);
    assertThat(inbox.body()).contains("incident-" + id);
    assertThat(admin.csrf()).isEqualTo(adminToken);
    HttpResponse<String> logged =
        admin.post(
            "/incidents/" + id + "/log",
            Map.of("_csrf", adminToken, "action", "contact", "text", "电话联系群主，约定明天面谈"));
    assertThat(logged.statusCode()).isEqualTo(303);

    assertThat(viewer.get("/incidents/" + id).statusCode()).isEqualTo(200);
    for (String action : List.of("assign", "log", "close")) {
      HttpResponse<String> r =
          viewer.post(
              "/incidents/" + id + "/" + action,
              Map.of("_csrf", viewerToken, "department", "客服", "action", "note", "text", "越权"));
      assertThat(r.statusCode()).as(action).isEqualTo(403);
      assertThat(r.body()).contains("只有管理员");
    }
    IncidentDesk.View v = DataDir.desk(data).view(id).orElseThrow();
    assertThat(v.log())
        .extracting(LogEntry::user, LogEntry::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("admin", "电话联系群主，约定明天面谈"));
    assertThat(v.incident().response().assignment()).isNull();
    assertThat(v.incident().history())
        .extracting(dev.yuqing.alerts.incident.Incident.Event::text)
        .contains("admin 记录联系业主：电话联系群主，约定明天面谈");

    // logging out ends the session for good, also across a restart
    assertThat(viewer.post("/logout", Map.of("_csrf", viewerToken)).statusCode()).isEqualTo(303);
    server.close();
    server = start();
    assertThat(moved(viewer).get("/incidents").statusCode()).isEqualTo(303);
  }

  /** The same client (its cookies) against the restarted server. */
  private WebClient moved(WebClient c) {
    WebClient n = new WebClient(server.uri());
    n.cookies.putAll(c.cookies);
    return n;
  }
}
