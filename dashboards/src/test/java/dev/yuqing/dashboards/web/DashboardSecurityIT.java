package dev.yuqing.dashboards.web;

import static dev.yuqing.dashboards.web.TestDashboards.PASSWORD;
import static dev.yuqing.dashboards.web.TestDashboards.refusing;
import static dev.yuqing.dashboards.web.TestDashboards.touched;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.dashboards.AlertInbox;
import dev.yuqing.dashboards.IncidentDesk;
import dev.yuqing.dashboards.fixture.DataDir;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's gate over real HTTP: without a session nothing but the login page answers; a
 * state-changing request without the session's CSRF token is refused; logins are rate-limited. The
 * index, insights and alert store here record any call and fail it, which proves that refused
 * requests never reach data (the pages over real data are covered by DashboardBrowserIT).
 */
class DashboardSecurityIT {
  static DashboardServer server;

  @BeforeAll
  static void start() throws Exception {
    IncidentDesk desk = DataDir.desk(Files.createTempDirectory("yuqing-desk-"));
    server =
        DashboardServer.start(
            TestDashboards.withoutPosts(3, refusing(AlertInbox.class), desk), "127.0.0.1", 0, null);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String concrete(String pattern) {
    return pattern.replaceAll("\\{[a-z]+\\}", "0123456789abcdef");
  }

  @Test
  void withoutASessionEveryPageRedirectsToLoginAndEveryApiAnswers401() throws Exception {
    WebClient anonymous = new WebClient(server.uri());
    int checked = 0;
    for (String route : server.routes()) {
      String[] parts = route.split(" ");
      String method = parts[0];
      String path = concrete(parts[1]);
      if (parts[2].equals("PUBLIC")) {
        continue;
      }
      HttpResponse<String> r =
          method.equals("GET") ? anonymous.get(path) : anonymous.post(path, Map.of());
      if (method.equals("GET") && !path.startsWith("/api/")) {
        assertThat(r.statusCode()).as(route).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow())
            .as(route)
            .startsWith("/login?next=");
      } else {
        assertThat(r.statusCode()).as(route).isEqualTo(401);
      }
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(10);
    // paths that match no route give nothing away either
    assertThat(anonymous.get("/no-such-page").statusCode()).isEqualTo(303);
    assertThat(anonymous.get("/api/no-such-api").statusCode()).isEqualTo(401);
    assertThat(anonymous.post("/alerts/x/delete", Map.of()).statusCode()).isEqualTo(401);
    // a made-up session cookie is no session
    anonymous.cookies.put(DashboardServer.SESSION_COOKIE, Sessions.token());
    assertThat(anonymous.get("/api/overview").statusCode()).isEqualTo(401);
    assertThat(touched).isEmpty();
  }

  @Test
  void loginSetsAStrictHttpOnlyCookieAndLogoutEndsTheSession() throws Exception {
    WebClient c = new WebClient(server.uri());
    HttpResponse<String> r = c.login("viewer", PASSWORD);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).contains("/overview");
    String cookie =
        WebClient.setCookies(r).stream()
            .filter(s -> s.startsWith(DashboardServer.SESSION_COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/").doesNotContain("Secure");
    String session = c.cookies.get(DashboardServer.SESSION_COOKIE);
    String token = c.csrf();
    assertThat(c.post("/logout", Map.of("_csrf", token)).statusCode()).isEqualTo(303);
    WebClient replay = new WebClient(server.uri());
    replay.cookies.put(DashboardServer.SESSION_COOKIE, session);
    assertThat(replay.get("/search").statusCode()).isEqualTo(303);
  }

  @Test
  void actionsWithoutTheCsrfTokenAreRefused() throws Exception {
    WebClient admin = new WebClient(server.uri());
    assertThat(admin.login("admin", PASSWORD).statusCode()).isEqualTo(303);
    String token = admin.csrf();
    String ack = "/alerts/0123456789abcdef/ack";
    assertThat(admin.post(ack, Map.of()).statusCode()).isEqualTo(403);
    assertThat(admin.post(ack, Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
    assertThat(admin.post(ack, Map.of("_csrf", Sessions.token())).statusCode()).isEqualTo(403);
    // the right token sent from another site is refused too
    assertThat(
            admin
                .post(ack, Map.of("_csrf", token), "Origin", "https://evil.example.com")
                .statusCode())
        .isEqualTo(403);
    assertThat(admin.post("/logout", Map.of()).statusCode()).isEqualTo(403);
    // a huge form is refused, not buffered
    assertThat(
            admin
                .post(ack, Map.of("_csrf", "x".repeat(DashboardExchange.MAX_FORM_BYTES + 10)))
                .statusCode())
        .isEqualTo(413);
    assertThat(touched).isEmpty();
    // with the token the request goes through to the alert store
    HttpResponse<String> through = admin.post(ack, Map.of("_csrf", token));
    assertThat(through.statusCode()).isEqualTo(500);
    assertThat(touched).contains("AlertInbox.acknowledge");
    touched.clear();
  }

  @Test
  void aViewerMayNotActEvenWithTheToken() throws Exception {
    WebClient viewer = new WebClient(server.uri());
    viewer.login("viewer", PASSWORD);
    HttpResponse<String> r =
        viewer.post("/alerts/0123456789abcdef/resolve", Map.of("_csrf", viewer.csrf()));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("只有管理员");
    assertThat(touched).isEmpty();
  }

  @Test
  void theLoginFormNeedsItsOwnToken() throws Exception {
    WebClient c = new WebClient(server.uri());
    HttpResponse<String> r = c.post("/login", Map.of("user", "viewer", "password", PASSWORD));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(c.cookies).doesNotContainKey(DashboardServer.SESSION_COOKIE);
  }

  @Test
  void loginAttemptsAreRateLimited() throws Exception {
    WebClient c = new WebClient(server.uri());
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r = c.login("admin-locked", "wrong-" + i);
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body()).contains("用户名或密码错误");
    }
    // the fourth try is refused without checking the password, right or wrong
    HttpResponse<String> locked = c.login("admin-locked", PASSWORD);
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.body()).contains("登录失败次数过多");
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() throws Exception {
    WebClient c = new WebClient(server.uri());
    for (String path : List.of("/login", "/overview", "/api/overview", "/static/app.js")) {
      HttpResponse<String> r = c.get(path);
      String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
      assertThat(csp)
          .as(path)
          .contains("script-src 'self'", "default-src 'none'", "frame-ancestors 'none'");
      assertThat(csp).as(path).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
    }
    HttpResponse<String> login = c.get("/login");
    assertThat(login.body()).doesNotContain("<script>").doesNotContainPattern("\\son[a-z]+=");
    assertThat(c.get("/static/vendor/echarts/echarts.min.js").statusCode()).isEqualTo(200);
    assertThat(c.get("/static/../DashboardServer.class").statusCode()).isEqualTo(404);
  }
}
