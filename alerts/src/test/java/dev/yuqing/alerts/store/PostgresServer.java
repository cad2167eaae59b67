package dev.yuqing.alerts.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the tests: Debian's {@code postgresql} binaries ({@code initdb},
 * {@code pg_ctl}) on a fresh directory under /tmp and a free port on loopback, one per JVM, stopped
 * when the JVM ends; each test gets a database of its own ({@link #newDatabase}). As root the
 * server runs as user {@code postgres}, which Debian's package creates.
 *
 * <p>Without the binaries the tests that need it are skipped with one line saying so; in CI ({@code
 * CI=true}, where {@code .ci/run} installs the package) they fail instead, as they do whenever the
 * binaries are there and the server does not start.
 */
public final class PostgresServer {
  private static PostgresServer shared;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final Path dir;
  private final Path bin;
  private final int port;
  private final boolean asPostgres;

  private PostgresServer(Path bin, Path dir, int port, boolean asPostgres) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgres = asPostgres;
  }

  /** The JVM's server, started on first use. */
  public static synchronized PostgresServer get() {
    if (shared == null) {
      Path bin = binaries();
      if (bin == null) {
        String why = "PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install postgresql";
        if ("true".equals(System.getenv("CI"))) {
          throw new IllegalStateException(why + " (.ci/run installs it)");
        }
        Assumptions.abort(why);
      }
      shared = start(bin);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-stop"));
    }
    return shared;
  }

  /** Where Debian keeps the binaries of its newest PostgreSQL, or null. */
  static Path binaries() {
    Path lib = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> versions = Files.list(lib)) {
        Path newest =
            versions
                .map(v -> v.resolve("bin"))
                .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                .max(
                    Comparator.comparing(
                        b ->
                            Integer.parseInt(
                                b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                .orElse(null);
        if (newest != null) {
          return newest;
        }
      } catch (IOException e) {
        // fall through to the PATH
      }
    }
    for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!p.isEmpty() && Files.isExecutable(Path.of(p, "pg_ctl"))) {
        return Path.of(p);
      }
    }
    return null;
  }

  private static PostgresServer start(Path bin) {
    boolean root = "root".equals(System.getProperty("user.name"));
    try {
      Path dir = Files.createTempDirectory("yuqing-pg-");
      if (root) {
        UserPrincipal postgres =
            dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(dir, postgres);
      }
      PostgresServer s = new PostgresServer(bin, dir, freePort(), root);
      s.run(
          "initdb",
          "-D",
          dir.resolve("data").toString(),
          "-A",
          "trust",
          "-U",
          "yuqing",
          "--no-sync",
          "-E",
          "UTF8",
          "--locale=C");
      s.run(
          "pg_ctl",
          "-D",
          dir.resolve("data").toString(),
          "-l",
          dir.resolve("server.log").toString(),
          "-o",
          "-p "
              + s.port
              + " -k "
              + dir
              + " -c listen_addresses=127.0.0.1 -c fsync=off"
              + " -c max_connections=100",
          "-w",
          "-t",
          "60",
          "start");
      return s;
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot start PostgreSQL from " + bin + ": " + e.getMessage(), e);
    }
  }

  private void run(String tool, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    if (asPostgres) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.add(bin.resolve(tool).toString());
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("yuqing-pg-" + tool, ".log");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        String log = Files.readString(out);
        Path server = dir.resolve("server.log");
        if (Files.exists(server)) {
          log += "\n" + Files.readString(server);
        }
        throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(tool + " interrupted", e);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** The JDBC URL of database {@code name} on this server. */
  public String url(String name) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
  }

  /** The user the tests connect as (trusted: no password). */
  public String user() {
    return "yuqing";
  }

  /** A new, empty database; returns its JDBC URL. */
  public String newDatabase() {
    String name = "yq" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres"), user(), "");
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    return url(name);
  }

  /** A {@link Database} on a new, empty database of this server. */
  public Database open() {
    return Database.postgres(newDatabase(), user(), null);
  }

  private void stop() {
    try {
      run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    } catch (RuntimeException | IOException e) {
      // the JVM is ending: nothing more to do about a server that would not stop
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temp dir left behind
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
