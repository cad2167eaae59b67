package dev.yuqing.stream.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.core.Post;
import dev.yuqing.core.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayFormatTest {
  private static final Instant NOW = Instant.parse("2025-06-15T01:00:00Z");

  @Test
  void readsATimestampedMessage() throws Exception {
    Post p =
        ReplayFormat.parse(
            "{\"id\":\"m1\",\"source\":\"board\",\"time\":\"2019-03-01T08:30:00+08:00\","
                + "\"title\":\"小区漏水\",\"text\":\" 天花板漏水 \",\"author\":\"A1\",\"likes\":3}",
            "f.jsonl:1",
            NOW);
    assertThat(p.id()).isEqualTo("m1");
    assertThat(p.sourceId()).isEqualTo("board");
    assertThat(p.publishedAt()).isEqualTo(Instant.parse("2019-03-01T00:30:00Z"));
    assertThat(p.fetchedAt()).isEqualTo(NOW);
    assertThat(p.text()).isEqualTo("天花板漏水");
    assertThat(p.likes()).isEqualTo(3);
  }

  @Test
  void aLocalTimeIsReadInChina() throws Exception {
    Post p =
        ReplayFormat.parse(
            "{\"id\":1,\"time\":\"2019-03-01 08:30:00\",\"text\":\"x\"}", "f:1", NOW);
    assertThat(p.publishedAt()).isEqualTo(Instant.parse("2019-03-01T00:30:00Z"));
  }

  @Test
  void readsAPostWrittenByCrawl() throws Exception {
    Post original =
        Post.builder()
            .id("abc")
            .sourceId("forum")
            .url("http://x/1")
            .text("漏水")
            .publishedAt(Instant.parse("2025-06-15T00:02:00Z"))
            .build();
    Post p = ReplayFormat.parse(Json.line(original), "f:1", NOW);
    assertThat(p.toBuilder().fetchedAt(null).build()).isEqualTo(original);
  }

  @Test
  void badLinesSayFileLineAndField() {
    assertThatThrownBy(() -> ReplayFormat.parse("{\"id\":\"1\",\"text\":\"x\"}", "m.jsonl:7", NOW))
        .hasMessage("m.jsonl:7: time: missing");
    assertThatThrownBy(
            () ->
                ReplayFormat.parse(
                    "{\"id\":\"1\",\"time\":\"昨天\",\"text\":\"x\"}", "m.jsonl:8", NOW))
        .hasMessage("m.jsonl:8: time: not a date-time: '昨天'");
    assertThatThrownBy(() -> ReplayFormat.parse("{\"id\":", "m.jsonl:9", NOW))
        .hasMessageStartingWith("m.jsonl:9: not a JSON object");
    assertThatThrownBy(
            () ->
                ReplayFormat.parse(
                    "{\"id\":\"1\",\"time\":\"2019-03-01T08:30:00+08:00\",\"text\":\"x\",\"likes\":\"many\"}",
                    "m.jsonl:10",
                    NOW))
        .hasMessage("m.jsonl:10: likes: not a whole number: 'many'");
  }
}
