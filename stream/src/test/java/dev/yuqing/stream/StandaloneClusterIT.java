package dev.yuqing.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.analysis.SearchTextAnalysis;
import dev.yuqing.index.PostIndex;
import dev.yuqing.index.PostIndexes;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar on a real standalone Flink session cluster: a JobManager ({@code
 * StandaloneSessionClusterEntrypoint}) and a TaskManager ({@code TaskManagerRunner}) as separate
 * JVMs on loopback, started from flink-runtime's own entry points with only Flink on their class
 * path, and the jar submitted through Flink's CLI frontend ({@code CliFrontend run}), which waits
 * for the replay to finish. The jar is built in the package phase of every build that runs the
 * tests ({@code mvn -B verify}; the job-jar profile is off only with {@code -DskipTests}).
 */
class StandaloneClusterIT {
  /** What flink-dist's scripts give every Flink JVM on Java 17 (env.java.opts.all). */
  private static final List<String> OPENS =
      List.of(
          "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  /** Jars of ours and of our libraries: the cluster must not have them, only the job jar. */
  private static final List<String> NOT_ON_THE_CLUSTER =
      List.of(
          "/dev/yuqing/",
          "/com/hankcs/",
          "/org/apache/lucene/",
          "/co/elastic/",
          "/org/elasticsearch/",
          "/org/jsoup/",
          "/org/eclipse/angus/",
          "/jakarta/",
          "/org/knowm/",
          "/com/fasterxml/",
          "/org/yaml/",
          "/org/apache/pdfbox/",
          "/de/rototor/",
          "/de/erichseifert/",
          "/com/madgag/",
          "/org/apache/httpcomponents/",
          "/io/opentelemetry/",
          "/org/eclipse/parsson/",
          "/org/junit/",
          "/org/assertj/",
          "/org/opentest4j/",
          "/net/bytebuddy/",
          "-tests.jar");

  @TempDir Path tmp;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void theJobJarReplaysOnAStandaloneSessionCluster() throws Exception {
    // The job-jar profile builds it in every build that runs tests (see stream/pom.xml).
    Path jar = jobJar();
    assertThat(jar).as("the job jar in target/ (built by the job-jar profile)").isNotNull();

    Path conf = Files.createDirectories(tmp.resolve("conf"));
    int rest = freePort();
    int rpc = freePort();
    Files.writeString(
        conf.resolve("config.yaml"),
        String.join(
            "\n",
            "jobmanager.rpc.address: localhost",
            "jobmanager.rpc.port: " + rpc,
            "jobmanager.bind-host: localhost",
            "jobmanager.memory.process.size: 1024m",
            "rest.address: localhost",
            "rest.bind-address: localhost",
            "rest.port: " + rest,
            "taskmanager.host: localhost",
            "taskmanager.bind-host: localhost",
            "taskmanager.numberOfTaskSlots: 2",
            // flink-dist's scripts compute these (BashJavaUtils) and pass them to the JVM and
            // TaskManagerRunner; started directly, the TaskManager needs them spelt out
            "taskmanager.cpu.cores: 2",
            "taskmanager.memory.framework.heap.size: 128m",
            "taskmanager.memory.task.heap.size: 640m",
            "taskmanager.memory.framework.off-heap.size: 128m",
            "taskmanager.memory.task.off-heap.size: 0m",
            "taskmanager.memory.network.min: 64m",
            "taskmanager.memory.network.max: 64m",
            "taskmanager.memory.managed.size: 64m",
            "taskmanager.memory.jvm-metaspace.size: 256m",
            "taskmanager.memory.jvm-overhead.min: 192m",
            "taskmanager.memory.jvm-overhead.max: 192m",
            "parallelism.default: 2",
            "io.tmp.dirs: " + Files.createDirectories(tmp.resolve("flink-tmp")),
            ""),
        StandardCharsets.UTF_8);
    String cp = clusterClassPath();
    Path logs = Files.createDirectories(tmp.resolve("logs"));
    processes.add(
        start(
            cp,
            conf,
            logs.resolve("jobmanager.log"),
            "-Xmx512m",
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
            "--configDir",
            conf.toString()));
    processes.add(
        start(
            cp,
            conf,
            logs.resolve("taskmanager.log"),
            "-Xmx768m -XX:MaxDirectMemorySize=192m -XX:MaxMetaspaceSize=256m",
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
            "--configDir",
            conf.toString()));
    awaitTaskManager(rest, logs);

    Path in = tmp.resolve("messages.jsonl");
    List<ReplayFixture.Line> lines = ReplayFixture.write(in, 150, Duration.ofMinutes(25), 40);
    Path data = tmp.resolve("data");
    Process client =
        start(
            cp,
            conf,
            logs.resolve("client.log"),
            "-Xmx256m",
            "org.apache.flink.client.cli.CliFrontend",
            "run",
            "-c",
            "dev.yuqing.stream.JobMain",
            jar.toString(),
            "--replay",
            in.toString(),
            "--data",
            data.toString());
    processes.add(client);
    assertThat(client.waitFor(5, TimeUnit.MINUTES)).as("the CLI returns").isTrue();
    assertThat(client.exitValue()).as("flink run: %s", tail(logs.resolve("client.log"))).isZero();

    try (PostIndex index =
        PostIndexes.luceneReadOnly(PostIndexes.luceneDirectory(data), SearchTextAnalysis.get())) {
      assertThat(index.count()).isEqualTo(lines.size());
    }
    try (Stream<Path> mails = Files.list(data.resolve("outbox"))) {
      assertThat(mails.filter(p -> p.toString().endsWith(".eml"))).isNotEmpty();
    }
  }

  private static Path jobJar() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("target"))) {
      return s.filter(p -> p.getFileName().toString().endsWith("-job.jar"))
          .findFirst()
          .orElse(null);
    }
  }

  /** This JVM's class path without our code and libraries: Flink and what it needs. */
  private static String clusterClassPath() {
    List<String> keep = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String u = e.replace(File.separatorChar, '/');
      if (!u.endsWith(".jar") || NOT_ON_THE_CLUSTER.stream().anyMatch(u::contains)) {
        continue;
      }
      keep.add(e);
    }
    return String.join(File.pathSeparator, keep);
  }

  private Process start(String cp, Path conf, Path log, String heap, String main, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(heap.split(" ")));
    cmd.addAll(OPENS);
    cmd.add("-Dlog.file=" + log);
    cmd.add("-cp");
    cmd.add(cp);
    cmd.add(main);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().put("FLINK_CONF_DIR", conf.toString());
    return pb.start();
  }

  private void awaitTaskManager(int rest, Path logs) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      for (Process p : processes) {
        assertThat(p.isAlive())
            .as(
                "cluster process died: %s %s",
                tail(logs.resolve("jobmanager.log")), tail(logs.resolve("taskmanager.log")))
            .isTrue();
      }
      try {
        last =
            http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + rest + "/taskmanagers"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        if (last.contains("\"id\"")) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no task manager registered: " + last);
  }

  private static String tail(Path log) {
    try {
      List<String> l = Files.readAllLines(log);
      return String.join("\n", l.subList(Math.max(0, l.size() - 40), l.size()));
    } catch (IOException e) {
      return "(" + e + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
