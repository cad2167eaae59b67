package dev.yuqing.crawler.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.SharedData;
import dev.yuqing.core.config.ArticleSelectors;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.provider.Arguments;

/** Runs the article steps one by one on a page, for the tests of each step. */
final class PartsFixture {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** 2024-06-01 08:00 in Shanghai: the fetch time of every test page. */
  static final Instant FETCHED = Instant.parse("2024-06-01T00:00:00Z");

  static final Dates DATES = new Dates(Clock.fixed(FETCHED, ZONE), ZONE);

  private PartsFixture() {}

  static ArticlePart.Page page(Document doc) {
    Element body = Dom.visibleBody(doc);
    return new ArticlePart.Page(
        doc, body, Runs.of(body), Meta.of(doc), new Marks(), ArticleSelectors.NONE, FETCHED);
  }

  static ArticlePart.Page page(String html) {
    return page(Jsoup.parse(html, "https://news.example.com/a/1.html"));
  }

  static ArticlePart.Page page(Path file) {
    try {
      return page(Pages.parse(Files.readAllBytes(file), null, "http://example.com/" + file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The draft after {@code parts}, in order. */
  static ArticlePart.Draft run(ArticlePart.Page page, ArticlePart... parts) {
    ArticlePart.Draft d = ArticlePart.Draft.EMPTY;
    for (ArticlePart p : parts) {
      d = p.apply(page, d);
    }
    return d;
  }

  /** Title, body and boilerplate steps: what the byline step sees. */
  static ArticlePart.Draft body(ArticlePart.Page page) {
    return run(page, new TitleFinder(), new BodyScorer(), new BoilerplateFilter());
  }

  /** The shared pages folder, or the test is skipped. */
  static Path shared(String relative) {
    Path p = SharedData.file(relative).orElse(null);
    Assumptions.assumeTrue(p != null, SharedData.missingReason(relative));
    return p;
  }

  /** key.jsonl's lines as (file, key) arguments; none when the shared data is absent. */
  static Stream<Arguments> keyPages() throws IOException {
    Path key = SharedData.file("pages/key.jsonl").orElse(null);
    if (key == null) {
      return Stream.of(Arguments.of(null, null));
    }
    List<Arguments> out = new ArrayList<>();
    for (String line : Files.readAllLines(key)) {
      if (!line.isBlank()) {
        JsonNode k = Json.mapper().readTree(line);
        out.add(Arguments.of(key.resolveSibling(k.get("file").asText()), k));
      }
    }
    return out.stream();
  }

  /** Skips a parameterized test run without the shared data. */
  static void assumeShared(Path file) {
    Assumptions.assumeTrue(file != null, SharedData.missingReason("pages/key.jsonl"));
  }

  static List<String> strings(JsonNode k, String field) {
    List<String> out = new ArrayList<>();
    JsonNode v = k.get(field);
    if (v != null && v.isArray()) {
      v.forEach(x -> out.add(x.asText()));
    } else if (v != null && !v.isNull()) {
      out.add(v.asText());
    }
    return out;
  }
}
