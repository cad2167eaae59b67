package dev.yuqing.dashboards.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.alerts.incident.ResponseAction;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.config.DashboardConfig;
import dev.yuqing.core.config.ReportsConfig;
import dev.yuqing.core.config.UserConfig;
import dev.yuqing.core.config.UserConfig.Role;
import dev.yuqing.dashboards.AlertInbox;
import dev.yuqing.dashboards.IncidentDesk;
import dev.yuqing.dashboards.fixture.Closing;
import dev.yuqing.dashboards.fixture.DataDir;
import dev.yuqing.dashboards.fixture.DemoPosts;
import dev.yuqing.dashboards.fixture.HousingReplay;
import dev.yuqing.dashboards.insight.IndexInsights;
import dev.yuqing.dashboards.report.Glyphs;
import dev.yuqing.dashboards.report.IncidentReport;
import dev.yuqing.dashboards.report.PdfCheck;
import dev.yuqing.dashboards.web.Dashboard;
import dev.yuqing.dashboards.web.DashboardServer;
import dev.yuqing.dashboards.web.PasswordHasher;
import dev.yuqing.index.PostIndex;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in headless Chromium over real parts: posts tagged by the real tagger in a real
 * Lucene index, alerts raised by the real rules into the real alert store.
 */
class DashboardBrowserIT {
  static final String PASSWORD = "翡翠湾-交房-2024";
  static final ZoneId CHINA = DataDir.CHINA;
  static final Path SHOTS = Path.of("target", "browser-it");
  static final Path FONT = Path.of(ReportsConfig.DEFAULT_FONT);

  @TempDir static Path data;
  static PostIndex index;
  static AlertInbox inbox;
  static IncidentDesk desk;
  static DashboardServer server;
  static Chromium chromium;
  static HousingReplay.Result replay;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Chromium.executable().isPresent(), Chromium.missingReason());
    Files.createDirectories(SHOTS);
    replay = HousingReplay.run(data, DemoPosts.posts(), DemoPosts.PROJECT);
    index = DataDir.index(data);
    desk = DataDir.desk(data);
    inbox = desk.alerts();
    PasswordHasher h = new PasswordHasher(1000);
    DashboardConfig config =
        new DashboardConfig(
            List.of(new UserConfig("zhang.wei", h.hash(PASSWORD.toCharArray()), Role.ADMIN)),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Duration.ofSeconds(5));
    IncidentReport report =
        Files.isReadable(FONT)
            ? new IncidentReport(new IndexInsights(index, CHINA), FONT, CHINA)
            : null;
    Dashboard dash = DataDir.dashboard(config, index, desk, null, report);
    server = DashboardServer.start(dash, "127.0.0.1", 0, null);
    chromium = Chromium.launch();
  }

  @AfterAll
  static void stop() throws Exception {
    Closing.all(chromium, server, index);
  }

  private static String url(String path) {
    return server.uri().resolve(path).toString();
  }

  private static void login(Page page) throws Exception {
    page.clearCookies();
    page.navigate(url("/overview"));
    assertThat(page.url()).contains("/login?next=");
    assertThat(page.text("document.title")).contains("登录");
    page.eval("document.getElementById('user').value = 'zhang.wei'");
    page.eval("document.getElementById('password').value = '" + PASSWORD + "'");
    page.andWaitForLoad(() -> page.eval("document.getElementById('login-submit').click()"));
    assertThat(page.url()).endsWith("/overview");
  }

  @Test
  void loginOverviewSearchAndAcknowledge() throws Exception {
    try (Page page = chromium.page()) {
      login(page);

      // overview: charts drawn with the index's data
      page.waitFor("document.body.dataset.overviewLoaded", Duration.ofSeconds(30));
      long posts = replay.posts().size();
      assertThat(page.text("document.getElementById('stat-total').textContent"))
          .isEqualTo(String.valueOf(posts));
      JsonNode volume =
          page.eval(
              "echarts.getInstanceByDom(document.getElementById('chart-volume')).getOption()"
                  + ".series.map(s => s.data.reduce((a, b) => a + b, 0))");
      long drawn = 0;
      for (JsonNode n : volume) {
        drawn += n.asLong();
      }
      assertThat(drawn).isEqualTo(posts);
      assertThat(
              page.eval(
                      "echarts.getInstanceByDom(document.getElementById('chart-volume')).getOption()"
                          + ".series[0].markLine.data.length")
                  .asInt())
          .as("alert markers")
          .isPositive();
      assertThat(page.eval("document.querySelectorAll('#chart-volume canvas').length").asInt())
          .isPositive();
      assertThat(page.eval("+document.getElementById('chart-topics').dataset.points").asInt())
          .isGreaterThanOrEqualTo(3);
      assertThat(page.eval("document.querySelectorAll('#keywords li').length").asInt())
          .isPositive();
      assertThat(page.text("document.querySelector('#authors-active tbody td').textContent"))
          .isNotBlank();
      assertThat(page.text("document.querySelector('#authors-followed tbody td').textContent"))
          .isNotBlank();

      // the same, in pixels: the volume chart holds the negative series' red
      byte[] png = page.screenshot();
      Files.write(SHOTS.resolve("overview.png"), png);
      JsonNode box =
          page.eval(
              "(() => { const r = document.getElementById('chart-volume').getBoundingClientRect();"
                  + " return [r.left, r.top, r.width, r.height]; })()");
      BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(redPixels(shot, box))
          .as("red (negative) pixels in the volume chart")
          .isGreaterThan(500);

      // search finds a post and marks the words
      page.navigate(url("/search?q=" + java.net.URLEncoder.encode("漏水", "UTF-8")));
      assertThat(page.eval("document.querySelectorAll('#results li.result').length").asInt())
          .isPositive();
      assertThat(page.text("document.querySelector('#results mark').textContent")).isEqualTo("漏水");
      Files.write(SHOTS.resolve("search.png"), page.screenshot());
      page.andWaitForLoad(() -> page.eval("document.querySelector('#results a.title').click()"));
      assertThat(page.url()).contains("/posts/");
      assertThat(page.text("document.getElementById('post-text').textContent")).contains("漏水");

      // the alerts inbox: acknowledge an open alert
      Alert open =
          inbox.list(DemoPosts.PROJECT.name(), Set.of(AlertState.FIRING), 10).stream()
              .findFirst()
              .orElseThrow(() -> new AssertionError("the rules left no open alert"));
      page.navigate(url("/alerts"));
      String row = "document.getElementById('alert-" + open.id() + "')";
      assertThat(page.text(row + ".querySelector('.state').dataset.state")).isEqualTo("firing");
      Files.write(SHOTS.resolve("alerts.png"), page.screenshot());
      page.andWaitForLoad(() -> page.eval(row + ".querySelector('button.btn-ack').click()"));
      assertThat(page.url()).endsWith("/alerts");
      assertThat(page.text(row + ".querySelector('.state').dataset.state"))
          .isEqualTo("acknowledged");
      assertThat(page.text(row + ".querySelector('.state').textContent")).isEqualTo("已确认");
      assertThat(inbox.get(open.id()).orElseThrow().state()).isEqualTo(AlertState.ACKNOWLEDGED);
      assertThat(inbox.history(open.id()))
          .anySatisfy(c -> assertThat(c.text()).contains("zhang.wei"));

      assertThat(page.dialogs).isEmpty();
      assertThat(page.exceptions).isEmpty();
      assertThat(page.console).noneMatch(m -> m.contains("Content Security Policy"));
    }
  }

  @Test
  void theIncidentDeskTakesAssignmentsAndLogEntriesLiveAndItsSummaryPdfShowsThem()
      throws Exception {
    PdfCheck.assumeTools(FONT);
    List<IncidentDesk.Row> rows = desk.inbox(DemoPosts.PROJECT.name(), false, 50);
    assertThat(rows).as("the week's incidents").isNotEmpty();
    String id = rows.get(0).incident().id(); // the highest grade first
    String row = "document.getElementById('incident-" + id + "')";
    try (Page page = chromium.page()) {
      login(page);
      page.navigate(url("/incidents?state=all"));
      assertThat(page.eval("Boolean(" + row + ")").asBoolean()).isTrue();
      Files.write(SHOTS.resolve("incidents.png"), page.screenshot());
      page.andWaitForLoad(() -> page.eval(row + ".querySelector('a').click()"));
      assertThat(page.url()).endsWith("/incidents/" + id);
      page.waitFor("document.body.dataset.incidentLoaded", Duration.ofSeconds(30));
      assertThat(page.eval("+document.getElementById('incident-chart').dataset.points").asInt())
          .as("hourly volume around the incident")
          .isPositive();

      String contact = "电话联系12栋3户业主，约定周六上门查看渗水";
      page.eval("document.querySelector('#log-form select[name=action]').value = 'contact'");
      page.eval("document.querySelector('#log-form textarea').value = '" + contact + "'");
      page.andWaitForLoad(() -> page.eval("document.querySelector('#log-form button').click()"));
      assertThat(page.text("document.getElementById('response-log').textContent"))
          .contains("zhang.wei · 联系业主：" + contact);
      page.eval("document.querySelector('#assign-form select[name=department]').value = '客服'");
      page.andWaitForLoad(() -> page.eval("document.querySelector('#assign-form button').click()"));
      assertThat(page.text("document.getElementById('assignee').textContent")).startsWith("客服部");

      // a change from elsewhere (the CLI, another host) reaches the open page by itself
      page.waitFor("document.body.dataset.liveConnected", Duration.ofSeconds(15));
      desk.log(id, ResponseAction.PROGRESS, "向指挥组报告：维修队已进场", "王经理");
      waitThroughReloads(
          page,
          "document.getElementById('response-log').textContent.includes('维修队已进场')",
          Duration.ofSeconds(20));
      Files.write(SHOTS.resolve("incident.png"), page.screenshot());

      // the summary (总结) through the page's button
      String pdf64 =
          page.text(
              "fetch(document.getElementById('summary-pdf').href).then(r => r.arrayBuffer())"
                  + ".then(b => { let s = ''; new Uint8Array(b).forEach(x => s +="
                  + " String.fromCharCode(x)); return btoa(s); })");
      Path pdf = SHOTS.resolve("incident-summary.pdf");
      Files.write(pdf, java.util.Base64.getDecoder().decode(pdf64));
      String flat = PdfCheck.text(pdf).replaceAll("\\s+", "");
      assertThat(flat)
          .contains(
              "「翡翠湾」舆情事件总结",
              "二、事件经过",
              "三、处置经过",
              "zhang.wei·联系业主：" + contact,
              "zhang.wei指派给客服部",
              "王经理·进展报告：向指挥组报告：维修队已进场",
              "四、处置时效",
              "联系业主12小时内");
      BufferedImage first = PdfCheck.page(pdf, 1, SHOTS.resolve("incident-summary-page1"));
      assertThat(Glyphs.ink(first)).isGreaterThan(5_000);
      assertThat(Glyphs.distinctShapesInFirstLine(first, 0)).isGreaterThanOrEqualTo(6);
      JsonNode all =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .createArrayNode()
              .add(0)
              .add(0)
              .add(first.getWidth())
              .add(first.getHeight());
      assertThat(redPixels(first, all))
          .as("the volume chart's negative bars, more than its legend")
          .isGreaterThan(1_000);
      assertThat(page.exceptions).isEmpty();
      assertThat(page.console).noneMatch(m -> m.contains("Content Security Policy"));
    }
  }

  /** Waits for {@code expression} while the page may be reloading (live updates reload it). */
  private static void waitThroughReloads(Page page, String expression, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        page.waitFor(expression, Duration.ofSeconds(1));
        return;
      } catch (IllegalStateException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
      }
    }
  }

  @Test
  void crawledScriptRendersAsTextAndRunsNothing() throws Exception {
    try (Page page = chromium.page()) {
      // the detector works: a page that does call alert() is caught
      page.navigate("data:text/html,<p>control</p><script>alert('control')</script>");
      assertThat(page.dialogs).containsExactly("alert: control");
      page.dialogs.clear();

      login(page);
      page.waitFor("document.body.dataset.overviewLoaded", Duration.ofSeconds(30));
      page.navigate(url("/posts/" + DemoPosts.HOSTILE_ID));
      assertThat(page.text("document.getElementById('post-text').textContent"))
          .isEqualTo(DemoPosts.HOSTILE_TEXT);
      assertThat(page.text("document.getElementById('post-title').textContent"))
          .isEqualTo(DemoPosts.HOSTILE_TITLE);
      assertThat(
              page.eval("document.querySelectorAll('main script, main img, main b').length")
                  .asInt())
          .isZero();
      // the javascript: URL of the post is shown as text, never as a link
      assertThat(
              page.eval(
                      "[...document.querySelectorAll('a')].some(a => a.href.startsWith('javascript'))")
                  .asBoolean())
          .isFalse();
      Files.write(SHOTS.resolve("hostile-post.png"), page.screenshot());

      page.navigate(url("/search?q=" + java.net.URLEncoder.encode("翡翠湾交房", "UTF-8")));
      page.navigate(
          url("/search?author=" + java.net.URLEncoder.encode(DemoPosts.HOSTILE_AUTHOR, "UTF-8")));
      assertThat(page.text("document.getElementById('results').textContent"))
          .contains("<img src=x");
      page.navigate(url("/overview?days=30"));
      page.waitFor("document.body.dataset.overviewLoaded", Duration.ofSeconds(30));
      assertThat(page.text("document.getElementById('authors-active').textContent"))
          .contains(DemoPosts.HOSTILE_AUTHOR);
      // give anything that could run a moment to run
      Thread.sleep(500);
      assertThat(page.dialogs).isEmpty();
      assertThat(page.exceptions).isEmpty();
      assertThat(
              page.eval("document.querySelectorAll('b[onmouseover], img[onerror]').length").asInt())
          .isZero();
    }
  }

  /** Pixels close to the chart's negative red inside the element's box. */
  private static int redPixels(BufferedImage img, JsonNode box) {
    int x0 = Math.max(0, box.get(0).asInt());
    int y0 = Math.max(0, box.get(1).asInt());
    int x1 = Math.min(img.getWidth(), x0 + box.get(2).asInt());
    int y1 = Math.min(img.getHeight(), y0 + box.get(3).asInt());
    int n = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r > 180 && g < 170 && b < 170 && r - g > 40) {
          n++;
        }
      }
    }
    return n;
  }
}
