package dev.yuqing.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.alerts.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class LittleInternetTest {
  private static final Story STORY = Story.load();

  private static Clock at(String shanghai) {
    return Clock.fixed(
        java.time.LocalDateTime.parse(shanghai).atZone(Story.ZONE).toInstant(), ZoneOffset.UTC);
  }

  @Test
  void theStoryIsOurs() {
    assertThat(STORY.size()).isGreaterThan(50);
    assertThat(STORY.forum().threads())
        .anySatisfy(
            t ->
                assertThat(t.posts())
                    .anySatisfy(p -> assertThat(p.text()).contains("周六上午九点售楼部门口集合")));
  }

  @Test
  void postsAppearWhenTheClockPassesThem() {
    LittleInternet early = LittleInternet.pages(STORY, at("2025-06-07T09:30"), "http://site.test");
    assertThat(early.visibleThreads(at("2025-06-07T09:30").instant())).hasSize(1);
    String thread = early.thread(at("2025-06-07T09:30").instant(), 101);
    Document d = Jsoup.parse(thread);
    assertThat(d.select(".post")).hasSize(1);
    assertThat(early.thread(at("2025-06-07T09:30").instant(), 110)).isNull();
  }

  @Test
  void theMarkupIsWhatTheCrawlersDefaultSelectorsRead() {
    Instant now = at("2025-06-15T20:00").instant();
    LittleInternet net = LittleInternet.pages(STORY, at("2025-06-15T20:00"), "http://site.test");
    Document board = Jsoup.parse(net.board(now, 1));
    assertThat(board.select("a.thread-link")).hasSize(LittleInternet.THREADS_PER_PAGE);
    assertThat(board.select("a.next").attr("href")).isEqualTo("/forum/?page=2");
    // most recently active first
    assertThat(board.select("a.thread-link").first().text()).contains("情况说明");
    Document thread = Jsoup.parse(net.thread(now, 110));
    assertThat(thread.select("h1.thread-title").text()).contains("天花板漏水");
    assertThat(thread.select(".post").first().select(".author").text()).isEqualTo("八栋的小李");
    assertThat(thread.select(".post").first().select("time").attr("datetime"))
        .isEqualTo("2025-06-15T08:02:00+08:00");
    Document rss = Jsoup.parse(net.rss(now), "", org.jsoup.parser.Parser.xmlParser());
    assertThat(rss.select("item")).hasSize(5);
    assertThat(rss.select("item pubDate").first().text()).endsWith("+0800");
  }

  @Test
  void servesOverHttpOnLoopback() throws Exception {
    try (LittleInternet net = LittleInternet.start(STORY, at("2025-06-15T20:00"))) {
      assertThat(net.baseUrl()).startsWith("http://127.0.0.1:");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(net.forumUrl())).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> v.contains("utf-8"));
      HttpResponse<String> missing =
          http.send(
              HttpRequest.newBuilder(URI.create(net.baseUrl() + "/forum/thread-999.html")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(missing.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void theStoryClockRunsFastAndStopsAtTheEnd() {
    Instant wall0 = Instant.parse("2030-01-01T00:00:00Z");
    Clock wall = Clock.fixed(wall0, ZoneOffset.UTC);
    StoryClock c =
        StoryClock.playing(
            STORY.startInstant(),
            Duration.between(STORY.startInstant(), STORY.endInstant()),
            Duration.ofSeconds(45),
            wall);
    assertThat(c.instant()).isEqualTo(STORY.startInstant());
    assertThat(c.wallTimeOf(STORY.endInstant())).isEqualTo(wall0.plusSeconds(45));
    MutableClock moving = new MutableClock(wall0);
    StoryClock playing =
        new StoryClock(STORY.startInstant(), STORY.endInstant(), c.speed(), moving);
    moving.advance(Duration.ofSeconds(1));
    assertThat(playing.instant())
        .isEqualTo(STORY.startInstant().plusMillis((long) (1000 * c.speed())));
    moving.advance(Duration.ofSeconds(99));
    assertThat(playing.instant()).isEqualTo(STORY.endInstant());
  }
}
