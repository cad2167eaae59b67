package dev.yuqing.dashboards.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.alerts.Links;
import dev.yuqing.core.Alert;
import dev.yuqing.core.Ids;
import dev.yuqing.core.Post;
import dev.yuqing.core.evidence.EvidenceReader;
import dev.yuqing.core.evidence.ManifestEntry;
import dev.yuqing.core.json.Json;
import dev.yuqing.crawler.evidence.WarcEvidence;
import dev.yuqing.dashboards.AlertInbox;
import dev.yuqing.dashboards.IncidentDesk;
import dev.yuqing.dashboards.fixture.Closing;
import dev.yuqing.dashboards.fixture.DataDir;
import dev.yuqing.dashboards.fixture.DemoPosts;
import dev.yuqing.dashboards.fixture.HousingReplay;
import dev.yuqing.index.PostIndex;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages over real data, at the HTTP level: a post with its WARC capture (written by the
 * crawler's evidence store), the link an alert mail carries, and the overview's JSON.
 */
class PostPagesIT {
  static final ZoneId CHINA = DataDir.CHINA;
  static final String PAGE =
      "<html><head><meta charset=\"utf-8\"><title>翡翠湾9栋外墙开裂</title></head>"
          + "<body><h1>翡翠湾9栋外墙开裂</h1><p>外墙瓷砖开裂脱落，砸坏了楼下的车。</p></body></html>";

  @TempDir static Path data;
  static PostIndex index;
  static AlertInbox inbox;
  static IncidentDesk desk;
  static DashboardServer server;
  static String recordId;
  static String postId = Ids.postId("yezhu-forum", "thread-900");

  @BeforeAll
  static void start() throws Exception {
    Instant at = Instant.parse("2024-05-09T02:00:00Z");
    Post captured;
    try (WarcEvidence evidence =
        new WarcEvidence(data.resolve("evidence"), Clock.fixed(at, CHINA), "yuqing-test")) {
      recordId =
          evidence.keepResource(
              "yezhu-forum",
              URI.create("https://bbs.example.com/thread-900.html"),
              at,
              "text/html; charset=utf-8",
              PAGE.getBytes(StandardCharsets.UTF_8));
      captured =
          Post.builder()
              .id(postId)
              .sourceId("yezhu-forum")
              .url("https://bbs.example.com/thread-900.html")
              .title("翡翠湾9栋外墙开裂")
              .text("外墙瓷砖开裂脱落，砸坏了楼下的车。")
              .author("赵先生")
              .publishedAt(at.minusSeconds(3600))
              .fetchedAt(at)
              .projects(List.of("翡翠湾"))
              .evidenceId(recordId)
              .build();
      evidence.posts(List.of(captured));
    }
    List<Post> posts = new ArrayList<>(DemoPosts.posts());
    posts.add(captured);
    posts.sort(java.util.Comparator.comparing(Post::eventTime));
    HousingReplay.run(data, posts, DemoPosts.PROJECT);
    index = DataDir.index(data);
    desk = DataDir.desk(data);
    inbox = desk.alerts();
    Dashboard d =
        DataDir.dashboard(
            TestDashboards.config(5),
            index,
            desk,
            new EvidenceReader(data.resolve("evidence")),
            null);
    server = DashboardServer.start(d, "127.0.0.1", 0, null);
  }

  @AfterAll
  static void stop() throws Exception {
    Closing.all(server, index);
  }

  static WebClient viewer() throws Exception {
    WebClient c = new WebClient(server.uri());
    assertThat(c.login("viewer", TestDashboards.PASSWORD).statusCode()).isEqualTo(303);
    return c;
  }

  @Test
  void aPostShowsItsCaptureAndServesTheWarcRecord() throws Exception {
    WebClient c = viewer();
    ManifestEntry entry =
        new EvidenceReader(data.resolve("evidence")).entry(recordId).orElseThrow();
    HttpResponse<String> page = c.get("/posts/" + postId);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("证据保全", Entities.escape(recordId), entry.sha256(), entry.chain(), "下载 WARC 记录")
        .contains(Ids.contentHash("翡翠湾9栋外墙开裂", "外墙瓷砖开裂脱落，砸坏了楼下的车。"));
    HttpResponse<String> warc = c.get("/posts/" + postId + "/evidence/1");
    assertThat(warc.statusCode()).isEqualTo(200);
    assertThat(warc.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment;");
    assertThat(warc.body()).startsWith("WARC/1.1").contains(recordId, PAGE);
    assertThat(c.get("/posts/" + postId + "/evidence/7").statusCode()).isEqualTo(404);
    assertThat(c.get("/posts/no-such-post").statusCode()).isEqualTo(404);
  }

  @Test
  void theLinksInAnAlertMailOpenTheAlertAndItsPosts() throws Exception {
    WebClient c = viewer();
    Alert a = inbox.list("翡翠湾", Set.of(), 50).get(0);
    URI page = URI.create(Links.alert("http://dashboard.example.com", a));
    HttpResponse<String> alert = c.get(page.getRawPath());
    assertThat(alert.statusCode()).isEqualTo(200);
    assertThat(alert.body()).contains(Entities.escape(a.reason()), "处理经过");
    URI posts = URI.create(Links.posts("http://dashboard.example.com", a));
    HttpResponse<String> r = c.get(posts.getRawPath() + "?" + posts.getRawQuery());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).containsPattern("共 [1-9][0-9]* 条结果");
    // with the alert's id the results say which alert they belong to
    HttpResponse<String> marked =
        c.get(posts.getRawPath() + "?" + posts.getRawQuery() + "&alert=" + a.id());
    assertThat(marked.body()).contains("预警相关帖子", "/alerts/" + a.id());
  }

  @Test
  void theOverviewApiCountsTheIndexedPosts() throws Exception {
    HttpResponse<String> r =
        viewer().get("/api/overview?project=%E7%BF%A1%E7%BF%A0%E6%B9%BE&days=7");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    JsonNode o = Json.mapper().readTree(r.body());
    assertThat(o.get("total").asLong()).isEqualTo(DemoPosts.posts().size() + 1);
    long sum = 0;
    for (String s : List.of("negative", "neutral", "positive")) {
      for (JsonNode n : o.at("/series/" + s)) {
        sum += n.asLong();
      }
    }
    assertThat(sum).isEqualTo(o.get("total").asLong());
    assertThat(o.get("times")).hasSize(7);
    assertThat(o.get("alerts").size()).isPositive();
    assertThat(o.get("topics").get(0).get("name").asText()).isEqualTo("房屋质量");
  }

  @Test
  void badSearchInputGetsOneChineseLine() throws Exception {
    WebClient c = viewer();
    HttpResponse<String> r = c.get("/search?from=2024-13-01");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("起始日期格式应为 2024-05-01");
    assertThat(c.get("/api/search?sentiment=angry").statusCode()).isEqualTo(400);
    assertThat(c.get("/search?from=2024-05-10&to=2024-05-01").body()).contains("起始日期应早于结束日期");
  }
}
