package dev.yuqing.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.analysis.SearchTextAnalysis;
import dev.yuqing.core.Ids;
import dev.yuqing.core.Post;
import dev.yuqing.core.Sentiment;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import dev.yuqing.core.json.Json;
import dev.yuqing.index.PostIndex;
import dev.yuqing.index.PostIndexes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
  @TempDir Path data;

  private Cli.Run last;

  static TaggedPost post(String n, String title, String text, SentimentLabel s, Topic t, int day) {
    Instant at = Instant.parse("2025-06-01T02:00:00Z").plusSeconds(day * 86400L);
    return new TaggedPost(
        Post.builder()
            .id(Ids.postId("forum", n))
            .sourceId("forum")
            .url("http://bbs.example.cn/t/" + n)
            .title(title)
            .text(text)
            .author("业主" + n)
            .publishedAt(at)
            .fetchedAt(at)
            .projects(List.of("翡翠湾"))
            .build(),
        new Sentiment(s, 0.9),
        List.of(t),
        List.of(),
        List.of(),
        null);
  }

  @BeforeEach
  void index() {
    try (PostIndex index =
        PostIndexes.lucene(PostIndexes.luceneDirectory(data), SearchTextAnalysis.get())) {
      index.upsert(
          List.of(
              post(
                  "1",
                  "5栋漏水",
                  "交房后卫生间漏水，\u001b[31m物业不管。",
                  SentimentLabel.NEGATIVE,
                  Topic.QUALITY,
                  0),
              post(
                  "2",
                  "车位太贵",
                  "车位价格比周边高一倍。",
                  SentimentLabel.NEGATIVE,
                  Topic.PROPERTY_MANAGEMENT,
                  1),
              post(
                  "3",
                  "交付顺利",
                  "今天顺利收房，没有发现漏水。",
                  SentimentLabel.POSITIVE,
                  Topic.HANDOVER_PROCEDURE,
                  2)));
    }
  }

  private int run(String... args) {
    last = Cli.run(args);
    return last.code();
  }

  private String out() {
    return last.out();
  }

  @Test
  void printsHighlightedHitsWithoutControlCharacters() {
    assertThat(run("search", "--data", data.toString(), "漏水")).isEqualTo(0);
    assertThat(out()).contains("5栋【漏水】").contains("交付顺利").contains("共 2 条匹配");
    assertThat(out()).doesNotContain("\u001b");
  }

  @Test
  void filtersAndPrintsJson() throws Exception {
    Path index = PostIndexes.luceneDirectory(data);
    assertThat(
            run(
                "search",
                "--index",
                index.toString(),
                "--sentiment",
                "negative",
                "--from",
                "2025-06-01",
                "--to",
                "2025-06-02",
                "--json",
                "漏水"))
        .isEqualTo(0);
    JsonNode r = Json.mapper().readTree(out());
    assertThat(r.get("total").asLong()).isEqualTo(1);
    assertThat(r.get("hits").get(0).get("post").get("post").get("title").asText())
        .isEqualTo("5栋漏水");
  }

  @Test
  void pagesWithTheCursorItPrints() {
    assertThat(run("search", "--data", data.toString(), "--size", "2")).isEqualTo(0);
    String first = out();
    assertThat(first).contains("交付顺利").contains("车位太贵").doesNotContain("5栋漏水");
    String cursor = first.substring(first.indexOf("--after ") + 8).strip();
    assertThat(run("search", "--data", data.toString(), "--size", "2", "--after", cursor))
        .isEqualTo(0);
    assertThat(out()).contains("5栋漏水").doesNotContain("--after");
  }

  @Test
  void userMistakesGetOneLine() {
    assertThat(run("search", "--data", data.toString(), "--topic", "天气")).isEqualTo(2);
    assertThat(last.err()).startsWith("yuqing: --topic: unknown topic");
    assertThat(run("search", "--data", data.resolve("nope").toString(), "x")).isEqualTo(2);
    assertThat(last.err()).contains("no index here").hasLineCount(1);
    assertThat(run("search", "--data", data.toString(), "--from", "June")).isEqualTo(2);
    assertThat(last.err()).contains("--from: not a date");
  }

  @Test
  void requeueWithoutDeadLettersSaysSo() throws Exception {
    Path config = data.resolve("c.yaml");
    java.nio.file.Files.writeString(config, "projects:\n  - name: 翡翠湾\n");
    assertThat(run("index", "requeue", "--config", config.toString(), "--data", data.toString()))
        .isEqualTo(0);
    assertThat(out()).endsWith("requeued=0 parked=0" + System.lineSeparator());
  }

  @Test
  void statsEndWithDocsAndSize() {
    assertThat(run("index", "stats", "--data", data.toString())).isEqualTo(0);
    String[] lines = out().strip().split("\n");
    assertThat(lines[lines.length - 1]).matches("docs=3 size_mb=\\d+\\.\\d");
  }
}
