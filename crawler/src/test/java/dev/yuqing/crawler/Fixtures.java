package dev.yuqing.crawler;

import dev.yuqing.core.config.ConfigLoader;
import dev.yuqing.core.config.YuqingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared test fixtures: the little forum and news site, and configs pointing at it. */
final class Fixtures {
  private Fixtures() {}

  /** 2024-05-03 10:00 in Shanghai: "昨天" is 2 May. */
  static final Instant NOW = Instant.parse("2024-05-03T02:00:00Z");

  static Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  static String resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/site/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource /site/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serves the forum board (two pages, four threads) and the news feed with its articles. */
  static TestSite serveSite(TestSite site) {
    String base = site.url("");
    site.html("/forum/board", resource("board.html"))
        .html("/forum/board?page=2", resource("board2.html"))
        .html("/forum/thread/17", resource("thread17.html"))
        .html("/forum/thread/17?page=2", resource("thread17p2.html"))
        .html("/forum/thread/18", resource("thread18.html"))
        .html("/forum/thread/19", resource("thread19.html"))
        .html("/forum/thread/12", resource("thread12.html"))
        .page(
            "/news/rss.xml",
            "application/rss+xml; charset=utf-8",
            resource("feed.xml").replace("{{base}}", base).getBytes(StandardCharsets.UTF_8))
        .html("/news/2024/0502-feicuiwan.html", resource("article-feicuiwan.html"))
        .html("/news/2024/0501-land.html", resource("article-land.html"));
    return site;
  }

  static final String PROJECTS =
      """
      projects:
        - name: 翡翠湾
          aliases: [翡翠湾花园]
          developer: [华景地产]
          propertyCompany: [华景物业]
        - name: 锦绣园
      """;

  static String crawlerSection() {
    return """
        crawler:
          perHostDelay: 0s
          readTimeout: 5s
          retryBackoff: 100ms
          maxRetries: 1
        """;
  }

  static YuqingConfig config(String yaml) {
    return new ConfigLoader().parse("test.yaml", yaml);
  }

  /** The forum and the feed of {@code site} as configured sources. */
  static YuqingConfig siteConfig(TestSite site) {
    return config(
        PROJECTS
            + crawlerSection()
            + """
            sources:
              - id: forum
                kind: forum
                url: %s
                projects: [翡翠湾]
                allowPrivateNetwork: true
              - id: news
                kind: feed
                url: %s
                allowPrivateNetwork: true
            """
                .formatted(site.url("/forum/board"), site.url("/news/rss.xml")));
  }
}
