package dev.yuqing.stream;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * A real standalone Flink session cluster for the tests: a JobManager ({@code
 * StandaloneSessionClusterEntrypoint}) and a TaskManager ({@code TaskManagerRunner}) as separate
 * JVMs on loopback, started from flink-runtime's own entry points with only Flink on their class
 * path; jobs go in through Flink's CLI frontend ({@code CliFrontend run}). Also used by the app
 * module's tests (the stream test-jar).
 */
public final class StandaloneCluster implements AutoCloseable {
  /** What flink-dist's scripts give every Flink JVM on Java 17 (env.java.opts.all). */
  public static final List<String> OPENS =
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
          "/tools/jackson/",
          "/org/yaml/",
          "/org/apache/pdfbox/",
          "/de/rototor/",
          "/de/erichseifert/",
          "/com/madgag/",
          "/org/apache/httpcomponents/",
          "/io/opentelemetry/",
          "/org/eclipse/parsson/",
          "/org/xerial/sqlite-jdbc/",
          "/org/postgresql/",
          "/org/flywaydb/",
          "/info/picocli/",
          "/com/icegreen/",
          "/org/junit/",
          "/org/assertj/",
          "/org/opentest4j/",
          "/net/bytebuddy/",
          "-tests.jar");

  private final Path conf;
  private final Path logs;
  private final String classPath;
  private final List<Process> processes = new ArrayList<>();

  private StandaloneCluster(Path conf, Path logs) {
    this.conf = conf;
    this.logs = logs;
    this.classPath = clusterClassPath();
  }

  /**
   * Starts a JobManager and a TaskManager (two slots) under {@code dir}; returns once registered.
   */
  public static StandaloneCluster start(Path dir) throws Exception {
    Path conf = Files.createDirectories(dir.resolve("conf"));
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
            "io.tmp.dirs: " + Files.createDirectories(dir.resolve("flink-tmp")),
            ""),
        StandardCharsets.UTF_8);
    // what flink-dist's conf/log4j.properties does: each JVM logs to its log.file
    Files.writeString(
        conf.resolve("log4j.properties"),
        String.join(
            "\n",
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.file.ref = MainAppender",
            "appender.main.name = MainAppender",
            "appender.main.type = File",
            "appender.main.fileName = ${sys:log.file}",
            "appender.main.layout.type = PatternLayout",
            "appender.main.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c{1} - %m%n",
            ""),
        StandardCharsets.UTF_8);
    StandaloneCluster c = new StandaloneCluster(conf, Files.createDirectories(dir.resolve("logs")));
    try {
      c.processes.add(
          c.java(
              "jobmanager.log",
              "-Xmx512m",
              "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
              "--configDir",
              conf.toString()));
      c.processes.add(
          c.java(
              "taskmanager.log",
              "-Xmx768m -XX:MaxDirectMemorySize=192m -XX:MaxMetaspaceSize=256m",
              "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
              "--configDir",
              conf.toString()));
      c.awaitTaskManager(rest);
    } catch (Exception | AssertionError e) {
      c.close();
      throw e;
    }
    return c;
  }

  /**
   * Submits {@code jar} with {@code flink run -c mainClass jar args…}; the returned client process
   * ends when the job does. Its log is {@code client.log}, its output {@code client.out}.
   */
  public Process run(Path jar, String mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("run", "-c", mainClass, jar.toString()));
    cmd.addAll(List.of(args));
    Process client =
        java(
            "client.log",
            "-Xmx256m",
            "org.apache.flink.client.cli.CliFrontend",
            cmd.toArray(String[]::new));
    processes.add(client);
    return client;
  }

  /**
   * The last lines of one of the cluster's logs (jobmanager.log, taskmanager.log, client.log; their
   * stdout in *.out).
   */
  public String log(String name) {
    Path log = logs.resolve(name);
    try {
      List<String> l = Files.readAllLines(log);
      return String.join("\n", l.subList(Math.max(0, l.size() - 80), l.size()));
    } catch (IOException e) {
      return "(" + e + ")";
    }
  }

  /** The job jar the job-jar profile builds into {@code target} (see stream/pom.xml), or null. */
  public static Path jobJar(Path target) throws IOException {
    if (!Files.isDirectory(target)) {
      return null;
    }
    try (Stream<Path> s = Files.list(target)) {
      return s.filter(p -> p.getFileName().toString().endsWith("-job.jar"))
          .findFirst()
          .orElse(null);
    }
  }

  /** Stops every process of the cluster and the clients. */
  @Override
  public void close() throws InterruptedException {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  /** This JVM's class path without our code and libraries: Flink and what it needs. */
  private static String clusterClassPath() {
    List<String> keep = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String u = e.replace(File.separatorChar, '/');
      // in a reactor build our modules are their target/yuqing-*.jar, not under dev/yuqing/
      boolean ours = u.substring(u.lastIndexOf('/') + 1).startsWith("yuqing-");
      if (!u.endsWith(".jar") || ours || NOT_ON_THE_CLUSTER.stream().anyMatch(u::contains)) {
        continue;
      }
      keep.add(e);
    }
    return String.join(File.pathSeparator, keep);
  }

  private Process java(String log, String heap, String main, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(heap.split(" ")));
    cmd.addAll(OPENS);
    cmd.add("-Dlog.file=" + logs.resolve(log));
    cmd.add("-Dlog4j.configurationFile=" + conf.resolve("log4j.properties").toUri());
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(main);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(logs.resolve(log.replace(".log", ".out")).toFile());
    pb.environment().put("FLINK_CONF_DIR", conf.toString());
    return pb.start();
  }

  private void awaitTaskManager(int rest) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      for (Process p : processes) {
        assertThat(p.isAlive())
            .as("cluster process died: %s %s", log("jobmanager.log"), log("taskmanager.log"))
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

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
