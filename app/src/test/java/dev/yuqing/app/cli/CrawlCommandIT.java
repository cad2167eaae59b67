package dev.yuqing.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.yuqing.app.Yuqing;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yuqing crawl --once} against a tiny forum on loopback. */
class CrawlCommandIT {
  @TempDir Path dir;
  private HttpServer server;

  private static final Map<String, String> PAGES =
      Map.of(
          "/board",
          """
          <html><head><meta charset="utf-8"><title>业主论坛</title></head><body>
          <a class="thread-link" href="/t/1">翡翠湾5号楼电梯三天两头坏</a>
          <a class="thread-link" href="/t/2">周末去哪里吃饭</a>
          </body></html>""",
          "/t/1",
          """
          <html><head><meta charset="utf-8"></head><body>
          <h1 class="thread-title">翡翠湾5号楼电梯三天两头坏</h1>
          <div class="post" id="p1"><span class="author">赵先生</span>
          <time datetime="2024-05-01T08:00:00+08:00">5月1日</time>
          <div class="content">翡翠湾5号楼电梯本周坏了三次，老人孩子被困了半小时，物业只说在报修。</div></div>
          <div class="post" id="p2"><span class="author">钱女士</span><span class="time">2024-05-01 09:30</span>
          <div class="content">同样遇到过，必须让物业给个书面说法。</div></div>
          </body></html>""",
          "/t/2",
          """
          <html><head><meta charset="utf-8"></head><body>
          <h1 class="thread-title">周末去哪里吃饭</h1>
          <div class="post" id="p9"><span class="author">吃货</span>
          <div class="content">商场新开了一家面馆，味道不错。</div></div>
          </body></html>""");

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        ex -> {
          String body = PAGES.get(ex.getRequestURI().getPath());
          byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          ex.sendResponseHeaders(body == null ? 404 : 200, b.length == 0 ? -1 : b.length);
          if (b.length > 0) {
            ex.getResponseBody().write(b);
          }
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /** A configuration with one forum source: the board this test's server serves. */
  private Path boardConfig() throws IOException {
    return Files.writeString(
        dir.resolve("c.yaml"),
        """
        projects:
          - name: 翡翠湾
        crawler:
          perHostDelay: 0s
        sources:
          - id: board
            kind: forum
            url: http://127.0.0.1:%d/board
            allowPrivateNetwork: true
        """
            .formatted(server.getAddress().getPort()));
  }

  private static String[] crawlOnceArgs(Path config, Path out, Path data) {
    return new String[] {
      "crawl",
      "--config",
      config.toString(),
      "--once",
      "--out",
      out.toString(),
      "--data",
      data.toString()
    };
  }

  private static int crawlOnce(Path config, Path out, Path data) {
    return Yuqing.execute(crawlOnceArgs(config, out, data));
  }

  @Test
  void writesOneJsonObjectPerPostAndNothingOnTheSecondRun() throws Exception {
    Path config = boardConfig();
    Path out = dir.resolve("posts.jsonl");
    Path data = dir.resolve("data");
    int code = crawlOnce(config, out, data);
    assertThat(code).isZero();
    List<String> lines = Files.readAllLines(out);
    // scoping is per post: the dinner thread and the reply name no watched project: dropped
    assertThat(lines).hasSize(1);
    JsonNode p = Json.mapper().readTree(lines.get(0));
    assertThat(p.get("title").asText()).isEqualTo("翡翠湾5号楼电梯三天两头坏");
    assertThat(p.get("author").asText()).isEqualTo("赵先生");
    assertThat(p.get("publishedAt").asText()).isEqualTo("2024-05-01T00:00:00Z");
    assertThat(p.get("projects").get(0).asText()).isEqualTo("翡翠湾");
    assertThat(p.get("id").asText()).hasSize(32);
    assertThat(Files.exists(data.resolve("crawl/board.json"))).isTrue();

    code = crawlOnce(config, out, data);
    assertThat(code).isZero();
    assertThat(Files.readAllLines(out)).isEmpty();
  }

  @Test
  void evidenceVerifiesShowsAndFailsNamingTheRecordWhenOneByteChanges() throws Exception {
    Path config = boardConfig();
    Path out = dir.resolve("posts.jsonl");
    Path data = dir.resolve("data");
    assertThat(Cli.run(crawlOnceArgs(config, out, data)).code()).isZero();
    JsonNode post = Json.mapper().readTree(Files.readAllLines(out).get(0));
    String record = post.get("evidenceId").asText();
    assertThat(record).startsWith("<urn:uuid:");

    Cli.Run ok = Cli.run("evidence", "verify", data.toString());
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).contains("OK");

    Cli.Run show = Cli.run("evidence", "show", post.get("id").asText(), "--data", data.toString());
    assertThat(show.code()).isZero();
    assertThat(show.out())
        .contains(record)
        .contains("WARC-Target-URI: http://127.0.0.1:" + server.getAddress().getPort() + "/t/1")
        .contains("HTTP/1.1 200 OK")
        .contains("老人孩子被困了半小时");

    Path warc;
    try (java.util.stream.Stream<Path> s = Files.list(data.resolve("evidence"))) {
      warc = s.filter(p -> p.toString().endsWith(".warc.gz")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(warc);
    bytes[bytes.length - 20] ^= 0x20;
    Files.write(warc, bytes);
    Cli.Run bad = Cli.run("evidence", "verify", data.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("FAIL record " + record).contains("SHA-256");
  }

  @Test
  void aBadConfigIsOneLineAndExitCode2() throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(
        config,
        """
        projects:
          - name: 翡翠湾
        sources:
          - id: board
            kind: forum
            urll: http://example.com/
        """);
    int code = Yuqing.execute("crawl", "--config", config.toString(), "--once");
    assertThat(code).isEqualTo(2);
  }
}
