package dev.yuqing.crawler.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.SharedData;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scores generic article extraction against the answer key of the shared pages (key.jsonl): a page
 * passes when its title is exact (or one of title_alt) and the body holds every body_must_contain
 * string and none of body_must_not_contain, compared as KEY.md says (whitespace collapsed).
 */
final class ExtractionKey {
  private ExtractionKey() {}

  record PageScore(
      String file,
      boolean titleOk,
      List<String> missing,
      List<String> leaked,
      boolean spanOk,
      boolean timeOk,
      boolean authorOk,
      Article article) {
    boolean pass() {
      return titleOk && missing.isEmpty() && leaked.isEmpty();
    }
  }

  static Optional<Path> dir() {
    return SharedData.file("pages/key.jsonl").map(Path::getParent);
  }

  static List<PageScore> score(Path dir) throws IOException {
    ArticleExtractor x =
        new ArticleExtractor(
            new Dates(
                Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneId.of("UTC")),
                ZoneId.of("Asia/Shanghai")));
    List<PageScore> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("key.jsonl"))) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode k = Json.mapper().readTree(line);
      String file = k.get("file").asText();
      byte[] bytes = Files.readAllBytes(dir.resolve(file));
      Article a = x.extract(Pages.parse(bytes, null, "http://example.com/" + file));
      List<String> titles = new ArrayList<>();
      titles.add(norm(k.get("title").asText()));
      if (k.has("title_alt")) {
        k.get("title_alt").forEach(t -> titles.add(norm(t.asText())));
      }
      boolean titleOk = a.title() != null && titles.contains(norm(a.title()));
      String body = norm(a.text());
      String squeezed = body.replace(" ", "");
      List<String> missing = new ArrayList<>();
      for (JsonNode s : k.get("body_must_contain")) {
        String n = norm(s.asText());
        if (!body.contains(n) && !squeezed.contains(n.replace(" ", ""))) {
          missing.add(s.asText());
        }
      }
      List<String> leaked = new ArrayList<>();
      for (JsonNode s : k.get("body_must_not_contain")) {
        String n = norm(s.asText());
        if (body.contains(n) || squeezed.contains(n.replace(" ", ""))) {
          leaked.add(s.asText());
        }
      }
      boolean spanOk = false;
      if (k.has("body_span_markers")) {
        String start = norm(k.get("body_span_markers").get(0).asText()).replace(" ", "");
        String end = norm(k.get("body_span_markers").get(1).asText()).replace(" ", "");
        spanOk = squeezed.startsWith(start) && squeezed.endsWith(end);
      }
      // publish_time as the page shows it, in Shanghai time, to the precision the key gives
      boolean timeOk = false;
      if (a.publishedAt() != null) {
        String shown =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(ZoneId.of("Asia/Shanghai"))
                .format(a.publishedAt());
        String key = k.get("publish_time").asText();
        // to the minute: a page may show no seconds where its hidden markup has them
        timeOk = shown.startsWith(key.length() > 16 ? key.substring(0, 16) : key);
      }
      List<String> authors = new ArrayList<>();
      authors.add(k.get("author").asText());
      if (k.has("author_alt")) {
        k.get("author_alt").forEach(alt -> authors.add(alt.asText()));
      }
      boolean authorOk = authors.contains(a.author());
      out.add(new PageScore(file, titleOk, missing, leaked, spanOk, timeOk, authorOk, a));
    }
    return out;
  }

  /** KEY.md's comparison: NBSP and U+3000 as spaces, whitespace collapsed. */
  static String norm(String s) {
    return s == null ? "" : Text.clean(s);
  }
}
