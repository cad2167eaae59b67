package dev.yuqing.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Elasticsearch 7.17 node in a child JVM (module index/es-test-node), for ITs. Its Lucene
 * 8.11 cannot share our classpath (Lucene 9.12), hence the separate process; failsafe passes where
 * its classes and classpath are ({@code yuqing.esnode.classes}, {@code yuqing.esnode.classpath}).
 *
 * <p>The node keeps data under its home directory, so {@link #start()} after {@link #kill()} or
 * {@link #stop()} brings back the same cluster on the same ports.
 */
final class EsNode implements AutoCloseable {
  private final Path home;
  private final int httpPort;
  private final int transportPort;
  private Process process;

  EsNode(Path home) {
    this.home = home;
    this.httpPort = freePort();
    this.transportPort = freePort();
  }

  /** Starts a node in a fresh home directory and waits until it answers. */
  static EsNode started(Path home) {
    EsNode n = new EsNode(home);
    n.start();
    return n;
  }

  String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  Path home() {
    return home;
  }

  /** Starts the node (again) and waits until it prints READY. */
  synchronized void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("already running");
    }
    String classes = required("yuqing.esnode.classes");
    Path cpFile = Path.of(required("yuqing.esnode.classpath"));
    try {
      Files.createDirectories(home);
      String cp = classes + java.io.File.pathSeparator + Files.readString(cpFile).strip();
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(
          List.of(
              "-Xms256m",
              "-Xmx512m",
              "-XX:+UseSerialGC",
              "-Dfile.encoding=UTF-8",
              "-Dlog4j2.disable.jmx=true",
              "-cp",
              cp,
              "dev.yuqing.estestnode.EsTestNode",
              home.toString(),
              Integer.toString(httpPort),
              Integer.toString(transportPort)));
      Path log = home.resolve("node.log");
      process =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (true) {
        String out = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        if (out.contains("READY http://127.0.0.1:" + httpPort)
            && out.lastIndexOf("READY") > out.lastIndexOf("--- start")) {
          return;
        }
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the Elasticsearch test node died; its log:\n" + tail(out));
        }
        if (System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IllegalStateException(
              "the Elasticsearch test node did not start in 120 s:\n" + tail(out));
        }
        Thread.sleep(200);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Kills the node at once (SIGKILL): a crash, not a shutdown. */
  synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      waitFor();
      marker();
    }
  }

  /** Stops the node cleanly. */
  synchronized void stop() {
    if (process != null && process.isAlive()) {
      try {
        process.getOutputStream().write("stop\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
      } catch (IOException e) {
        // the pipe is gone: the process is on its way out anyway
      }
      if (!waitFor()) {
        process.destroyForcibly();
        waitFor();
      }
      marker();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private boolean waitFor() {
    try {
      return process.waitFor(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Marks a restart in the log, so that start() waits for a new READY line. */
  private void marker() {
    try {
      Files.writeString(
          home.resolve("node.log"),
          "\n--- start\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(String s) {
    return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
  }

  private static String required(String property) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException(
          "system property " + property + " is not set: run the ITs through Maven (failsafe)");
    }
    return v;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
