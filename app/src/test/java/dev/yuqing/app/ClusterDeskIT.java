package dev.yuqing.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.alerts.IncidentStore;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.store.Database;
import dev.yuqing.alerts.store.JdbcIncidentStore;
import dev.yuqing.alerts.store.PostgresServer;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import dev.yuqing.core.json.Json;
import dev.yuqing.dashboards.web.PasswordHasher;
import dev.yuqing.dashboards.web.WebClient;
import dev.yuqing.stream.StandaloneCluster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident desk across hosts: the job jar on a standalone Flink cluster ({@link
 * StandaloneCluster}) writes incidents to a real PostgreSQL server, the dashboard ({@code yuqing
 * serve}) in a JVM of its own shows them, an admin acknowledges one there through the incident
 * page's form, and the job's escalator sees it: that incident is not escalated, while another one
 * nobody acknowledged is, on the same deadline.
 */
class ClusterDeskIT {
  private static final String PASSWORD = "翡翠湾-交房-2024";

  /** The acknowledge deadline of grade 二级 (alert) in this test's response plan. */
  private static final Duration ACKNOWLEDGE = Duration.ofSeconds(30);

  @TempDir Path tmp;
  private Process dashboard;

  @AfterEach
  void stop() throws InterruptedException {
    if (dashboard != null) {
      dashboard.destroy();
      if (!dashboard.waitFor(20, TimeUnit.SECONDS)) {
        dashboard.destroyForcibly();
      }
    }
  }

  @Test
  void anAdminAcknowledgesOnTheDashboardAndTheJobOnTheClusterDoesNotEscalate() throws Exception {
    Path jar = StandaloneCluster.jobJar(Path.of("..", "stream", "target"));
    assertThat(jar).as("the job jar in stream/target (mvn -B verify builds it)").isNotNull();
    PostgresServer pg = PostgresServer.get();
    String url = pg.newDatabase();
    Path data = tmp.resolve("data");
    Path config = writeConfig(url, pg.user());
    Path in = writeReplay();

    try (StandaloneCluster cluster = StandaloneCluster.start(tmp.resolve("flink"))) {
      Process job =
          cluster.run(
              jar,
              "dev.yuqing.stream.JobMain",
              "--replay",
              in.toString(),
              "--speed",
              "60",
              "--config",
              config.toString(),
              "--data",
              data.toString());
      // the dashboard reads the index the job's sink creates, so it starts once that exists
      awaitIndex(data.resolve("index"), job, cluster);
      dashboard = serve(config, data);
      URI base = awaitDashboard(dashboard);

      WebClient admin = new WebClient(base);
      assertThat(admin.login("admin", PASSWORD).statusCode()).isEqualTo(303);
      // the inbox in the dashboard's JVM lists what the job on the cluster wrote
      await(admin, "/incidents", d -> row(d, "翡翠湾") != null, job, cluster);
      String id = row(admin.page("/incidents"), "翡翠湾").attr("data-incident-id");
      String page = "/incidents/" + id;
      await(admin, page, d -> d.getElementById("ack-form") != null, job, cluster);
      HttpResponse<String> acked = admin.submit(admin.page(page).getElementById("ack-form"));
      assertThat(acked.statusCode()).as("ack: %s", acked.body()).isEqualTo(303);

      assertThat(job.waitFor(5, TimeUnit.MINUTES)).as("the job ends").isTrue();
      assertThat(job.exitValue())
          .as("flink run: %s", cluster.log("client.out") + cluster.log("client.log"))
          .isZero();
    }

    assertThat(data.resolve("db"))
        .as("no embedded store: the desk is on PostgreSQL")
        .doesNotExist();
    List<Incident> all;
    try (Database db = Database.postgres(url, pg.user(), null)) {
      all = new JdbcIncidentStore(db).inTransaction(IncidentStore.Tx::all);
    }
    Incident acked = only(all, "翡翠湾");
    Incident control = only(all, "云栖府");
    assertThat(acked.handling().ackedBy()).isEqualTo("admin");
    assertThat(acked.state()).isEqualTo(AlertState.ACKNOWLEDGED);
    assertThat(acked.grade()).isEqualTo(Grade.ALERT);
    assertThat(acked.history()).extracting(Incident.Event::type).doesNotContain("escalate");
    assertThat(acked.messages().count()).as("the first notice only").isEqualTo(1);
    // nobody took up the other one: the same job escalated it on the same deadline
    assertThat(control.history()).extracting(Incident.Event::type).contains("escalate");
    assertThat(control.grade()).isEqualTo(Grade.CRITICAL);
  }

  private static Incident only(List<Incident> all, String project) {
    List<Incident> of = all.stream().filter(i -> project.equals(i.project())).toList();
    assertThat(of).as("incidents of %s among %s", project, all).hasSize(1);
    return of.get(0);
  }

  private static Element row(Document inbox, String project) {
    for (Element r : inbox.select("tr[data-incident-id]")) {
      if (r.text().contains(project)) {
        return r;
      }
    }
    return null;
  }

  private Path writeConfig(String url, String user) throws IOException {
    String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
    Path f = tmp.resolve("yuqing.yaml");
    Files.writeString(
        f,
        String.join(
            "\n",
            "projects:",
            "  - name: 翡翠湾",
            "  - name: 云栖府",
            "database:",
            "  url: " + url,
            "  user: " + user,
            "alerts:",
            "  grouping: {wait: 1s}",
            "  rules:",
            "    - {type: keyword, name: banner, words: [拉横幅], grade: alert}",
            "  recipients:",
            "    alert: [command-group@example.com]",
            "    critical: [project-head@example.com]",
            "  response:",
            "    alert: {acknowledge: " + ACKNOWLEDGE.toSeconds() + "s}",
            "dashboard:",
            "  users:",
            "    - {name: admin, passwordHash: \"" + hash + "\", role: admin}",
            ""),
        StandardCharsets.UTF_8);
    return f;
  }

  /**
   * Two posts that raise a grade-二级 alert each, one per project, then calm posts a minute apart
   * that keep the job running (at 60×) well past the acknowledge deadline.
   */
  private Path writeReplay() throws IOException {
    Instant t = Instant.parse("2025-06-14T02:00:00Z");
    List<String> lines = new ArrayList<>();
    lines.add(message("fcw-1", t, "翡翠湾好几户漏水没人管，业主说周六去售楼处拉横幅"));
    lines.add(message("yqf-1", t.plusSeconds(30), "云栖府交房延期三个月，业主群里商量去拉横幅"));
    for (int i = 0; i < 100; i++) {
      lines.add(
          message("calm-" + i, t.plus(Duration.ofMinutes(i + 1)), "翡翠湾今天交房现场秩序不错（" + i + "楼）"));
    }
    Path f = tmp.resolve("messages.jsonl");
    Files.write(f, lines, StandardCharsets.UTF_8);
    return f;
  }

  private static String message(String id, Instant time, String text) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("source", "fixture");
    m.put("time", time.toString());
    m.put("author", "业主" + Math.abs(id.hashCode() % 997));
    m.put("text", text);
    return Json.line(m);
  }

  private static void awaitIndex(Path index, Process job, StandaloneCluster cluster)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!Files.isDirectory(index)) {
      if (!job.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError(
            "no index from the job: " + cluster.log("client.out") + cluster.log("client.log"));
      }
      Thread.sleep(200);
    }
  }

  /** {@code yuqing serve} in a JVM of its own, on a free port. */
  private Process serve(Path config, Path data) throws IOException {
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.yuqing.app.Yuqing",
            "serve",
            "--config",
            config.toString(),
            "--data",
            data.toString(),
            "--port",
            "0");
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  /** Reads the dashboard's output until it says where it listens; the rest goes to a log. */
  private URI awaitDashboard(Process p) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      seen.add(line);
      int at = line.indexOf("http://");
      if (line.startsWith("yuqing serve:") && at >= 0) {
        Path log = tmp.resolve("dashboard.log");
        Thread drain =
            new Thread(
                () -> {
                  try {
                    Files.write(log, (Iterable<String>) out.lines()::iterator);
                  } catch (IOException e) {
                    // the dashboard was stopped
                  }
                },
                "dashboard-log");
        drain.setDaemon(true);
        drain.start();
        return URI.create(line.substring(at).split(" ")[0]);
      }
    }
    throw new AssertionError("the dashboard did not start:\n" + String.join("\n", seen));
  }

  /** Polls {@code path} until {@code ok}, as long as the job runs. */
  private static void await(
      WebClient browser,
      String path,
      Predicate<Document> ok,
      Process job,
      StandaloneCluster cluster)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (ok.test(browser.page(path))) {
        return;
      }
      assertThat(job.isAlive())
          .as(
              "the job ended first: %s %s",
              cluster.log("client.out") + cluster.log("client.log"), cluster.log("taskmanager.log"))
          .isTrue();
      Thread.sleep(300);
    }
    throw new AssertionError(path + " never showed what was awaited");
  }
}
