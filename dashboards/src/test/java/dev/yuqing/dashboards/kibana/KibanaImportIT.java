package dev.yuqing.dashboards.kibana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs import.sh (bash + curl) against an in-process HTTP server that answers like Kibana's saved
 * objects import API, and checks what the script sent.
 */
class KibanaImportIT {
  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile String answer = "{\"success\":true,\"successCount\":10}";

  @BeforeEach
  void start() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is absent");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(
              ex.getRequestMethod()
                  + " "
                  + ex.getRequestURI()
                  + "\nkbn-xsrf="
                  + ex.getRequestHeaders().getFirst("kbn-xsrf")
                  + "\nauth="
                  + ex.getRequestHeaders().getFirst("Authorization")
                  + "\n"
                  + body);
          byte[] out = answer.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "application/json");
          ex.sendResponseHeaders(200, out.length);
          ex.getResponseBody().write(out);
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private int run(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", "kibana/import.sh"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("KIBANA_URL", "http://127.0.0.1:" + server.getAddress().getPort());
    pb.environment().put("KIBANA_USER", "elastic");
    pb.environment().put("KIBANA_PASSWORD", "changeme");
    Process p = pb.start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  @Test
  void postsTheObjectsWithTheGivenPrefixAndSpace() throws Exception {
    assertThat(run("--prefix", "acme-posts", "--space", "pr")).isZero();
    assertThat(requests).hasSize(1);
    String r = requests.get(0);
    assertThat(r).startsWith("POST /s/pr/api/saved_objects/_import?overwrite=true");
    assertThat(r).contains("kbn-xsrf=true", "auth=Basic ");
    assertThat(r).contains("\"title\":\"acme-posts\"").doesNotContain("\"title\":\"yuqing-posts\"");
    assertThat(r).contains("\"id\":\"yuqing-overview\"", "yuqing 舆情总览");
  }

  @Test
  void failsWhenKibanaRefusesAnObject() throws Exception {
    answer = "{\"success\":false,\"errors\":[{\"id\":\"yuqing-topics\"}]}";
    assertThat(run()).isEqualTo(1);
  }

  @Test
  void refusesAnInvalidPrefix() throws Exception {
    assertThat(run("--prefix", "Bad Prefix")).isEqualTo(2);
    assertThat(requests).isEmpty();
  }
}
