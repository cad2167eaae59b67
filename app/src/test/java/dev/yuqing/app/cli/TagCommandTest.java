package dev.yuqing.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.app.Yuqing;
import dev.yuqing.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagCommandTest {
  @TempDir Path dir;

  @Test
  void addsTagsAndKeepsEveryOriginalField() throws Exception {
    Path in = dir.resolve("posts.jsonl");
    Files.writeString(
        in,
        """
        {"id":"p1","title":"三期交房问题","text":"卫生间漏水，墙面开裂，开发商拖着不修","url":"http://forum.test/t/1","extra":{"k":[1,2]}}
        {"id":"p2","title":null,"text":"各位业主，周六上午九点售楼部门口集合，一起讨说法！","author":"老王"}

        {"id":"p3","text":""}
        """,
        StandardCharsets.UTF_8);
    Path out = dir.resolve("tagged.jsonl");
    assertThat(Yuqing.execute("tag", "--in", in.toString(), "--out", out.toString())).isZero();

    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3);
    JsonNode p1 = Json.mapper().readTree(lines.get(0));
    assertThat(p1.get("url").asText()).isEqualTo("http://forum.test/t/1");
    assertThat(p1.get("extra").get("k").get(1).asInt()).isEqualTo(2);
    assertThat(p1.get("sentiment").get("label").asText()).isEqualTo("negative");
    assertThat(p1.get("sentiment").get("score").asDouble()).isBetween(0.0, 1.0);
    assertThat(p1.get("topics").toString()).contains("房屋质量");
    assertThat(p1.get("keywords").isArray()).isTrue();
    assertThat(p1.get("signals").get("mobilization").asBoolean()).isFalse();
    assertThat(p1.get("signals").get("media").isBoolean()).isTrue();

    JsonNode p2 = Json.mapper().readTree(lines.get(1));
    assertThat(p2.get("signals").get("mobilization").asBoolean()).isTrue();
    assertThat(p2.get("signals").get("mobilizationTime").asText()).isEqualTo("周六上午九点");
    assertThat(p2.get("signals").get("author").asText()).isEqualTo("老王");

    JsonNode p3 = Json.mapper().readTree(lines.get(2));
    assertThat(p3.get("topics").get(0).asText()).isEqualTo("其他");
  }

  @Test
  void malformedLineNamesFileAndLineAndKeepsWhatWasWritten() throws Exception {
    Path in = dir.resolve("posts.jsonl");
    Files.writeString(
        in,
        """
        {"id":"p1","title":"t","text":"物业服务很好"}
        {"id":"p2","title":"t","text":"漏水
        {"id":"p3","title":"t","text":"ok"}
        """,
        StandardCharsets.UTF_8);
    Path out = dir.resolve("tagged.jsonl");
    Cli.Run r = Cli.run("tag", "--in", in.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    String message = r.err();
    assertThat(message).contains(in + ":2:").contains("not valid JSON");
    assertThat(message.strip().lines()).hasSize(1);
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).hasSize(1);
  }

  @Test
  void missingIdIsAnError() throws Exception {
    Path in = dir.resolve("posts.jsonl");
    Files.writeString(in, "{\"title\":\"t\",\"text\":\"x\"}\n", StandardCharsets.UTF_8);
    int code =
        Yuqing.execute("tag", "--in", in.toString(), "--out", dir.resolve("o.jsonl").toString());
    assertThat(code).isEqualTo(2);
  }
}
