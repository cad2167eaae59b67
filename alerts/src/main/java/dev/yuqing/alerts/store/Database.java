package dev.yuqing.alerts.store;

import dev.yuqing.core.config.DatabaseConfig;
import dev.yuqing.core.config.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The incident desk's relational database: an embedded SQLite file under the data directory (the
 * default, no setup) or a PostgreSQL server ({@code database} in the config), migrated to the
 * current schema by Flyway ({@code db/migration}, one set of scripts for both) each time it is
 * opened. Hands out connections to {@link #transaction}s; thread-safe.
 *
 * <p>Writers take turns: on SQLite every transaction begins {@code IMMEDIATE} (the file's write
 * lock, across processes); on PostgreSQL every transaction that may write first takes one
 * transaction-level advisory lock, so that two alert services, the dashboard and the CLI see each
 * other's changes whole, as one writer at a time would. Claims of deliveries are the exception (see
 * {@link JdbcIncidentStore#claimNext}): they lock single rows and take the writers' lock only to
 * record their outcome.
 */
public final class Database implements AutoCloseable {
  /** The embedded store's file under the data directory. */
  public static final String EMBEDDED = "db/yuqing.db";

  /**
   * Serialises this JVM's migrations (subtasks opening one embedded file at once). Each open
   * migrates: a store deleted and created again (the demo clears its data) gets its schema back.
   */
  private static final Object MIGRATING = new Object();

  /** The advisory lock PostgreSQL writers take (any constant: one per database). */
  private static final long WRITERS_LOCK = 0x79757169L; // "yuqi"

  private static final int IDLE = 4;

  /** Which SQL the database speaks, where the two differ. */
  public enum Dialect {
    SQLITE,
    POSTGRESQL
  }

  /** Work on one connection inside a transaction. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T apply(Connection c) throws SQLException;
  }

  private final Dialect dialect;
  private final String url;
  private final Properties props;
  private final Path file;
  private final Deque<Connection> idle = new ArrayDeque<>();

  private Database(Dialect dialect, String url, Properties props, Path file) {
    this.dialect = dialect;
    this.url = url;
    this.props = props;
    this.file = file;
  }

  /**
   * The database of a configuration: PostgreSQL when {@code config} is set (the password from the
   * environment variable it names), else the embedded file under {@code dataDir}.
   *
   * @throws IllegalStateException when it cannot be reached or migrated, naming the URL
   */
  public static Database open(DatabaseConfig config, Path dataDir, Secrets secrets) {
    if (config == null) {
      return embedded(dataDir);
    }
    return postgres(config.url(), config.user(), secrets.get(config.passwordEnv()).orElse(null));
  }

  /** The embedded SQLite file {@code DATA/db/yuqing.db}, created when missing. */
  public static Database embedded(Path dataDir) {
    Path f = dataDir.resolve(EMBEDDED).toAbsolutePath().normalize();
    try {
      Files.createDirectories(f.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + f.getParent() + ": " + e.getMessage(), e);
    }
    SQLiteConfig c = new SQLiteConfig();
    c.setJournalMode(SQLiteConfig.JournalMode.WAL);
    c.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    c.setBusyTimeout(60_000);
    Database db = new Database(Dialect.SQLITE, "jdbc:sqlite:" + f, c.toProperties(), f);
    db.migrate();
    return db;
  }

  /** A PostgreSQL database. */
  public static Database postgres(String url, String user, String password) {
    Properties p = new Properties();
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", password);
    }
    p.setProperty("ApplicationName", "yuqing");
    p.setProperty("connectTimeout", "10");
    Database db = new Database(Dialect.POSTGRESQL, url, p, null);
    db.migrate();
    return db;
  }

  /** Whether the embedded store exists under {@code dataDir}. */
  public static boolean embeddedExists(Path dataDir) {
    return Files.isRegularFile(dataDir.resolve(EMBEDDED));
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The embedded file, or null for a server. */
  public Path file() {
    return file;
  }

  private void migrate() {
    synchronized (MIGRATING) {
      var conf =
          Flyway.configure(Database.class.getClassLoader())
              .locations("classpath:db/migration")
              .loggers("slf4j");
      if (dialect == Dialect.SQLITE) {
        SQLiteDataSource ds = new SQLiteDataSource(new SQLiteConfig(props));
        ds.setUrl(url);
        conf.dataSource(ds);
      } else {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        if (props.getProperty("user") != null) {
          ds.setUser(props.getProperty("user"));
        }
        if (props.getProperty("password") != null) {
          ds.setPassword(props.getProperty("password"));
        }
        conf.dataSource(ds);
      }
      try {
        conf.load().migrate();
      } catch (RuntimeException e) {
        throw new IllegalStateException(this + ": cannot migrate the schema: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   *
   * @param writers take the writers' turn first (always so on SQLite)
   */
  public <T> T transaction(boolean writers, SqlWork<T> work) {
    Connection c = connection();
    boolean ok = false;
    try {
      begin(c);
      if (writers) {
        lockWriters(c);
      }
      T result = work.apply(c);
      end(c, "COMMIT");
      ok = true;
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException(this + ": " + e.getMessage(), e);
    } finally {
      release(c, ok);
    }
  }

  // SQLite's driver begins the next transaction as soon as one commits, which would hold the
  // file's write lock while the connection is idle: transactions are begun and ended by hand there
  private void begin(Connection c) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      exec(c, "BEGIN IMMEDIATE");
    } else {
      c.setAutoCommit(false);
    }
  }

  private void end(Connection c, String how) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      exec(c, how);
    } else if (how.equals("COMMIT")) {
      c.commit();
    } else {
      c.rollback();
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Takes the writers' turn inside the transaction of {@code c} (PostgreSQL; no-op on SQLite). */
  void lockWriters(Connection c) throws SQLException {
    if (dialect == Dialect.POSTGRESQL) {
      exec(c, "SELECT pg_advisory_xact_lock(" + WRITERS_LOCK + ")");
    }
  }

  private Connection connection() {
    synchronized (idle) {
      Connection c = idle.pollFirst();
      if (c != null) {
        return c;
      }
    }
    try {
      // the driver itself, not DriverManager: in a Flink task the drivers are in the job's class
      // loader, which DriverManager does not look in
      Driver driver =
          dialect == Dialect.SQLITE ? new org.sqlite.JDBC() : new org.postgresql.Driver();
      Connection c = driver.connect(url, props);
      if (c == null) {
        throw new SQLException("the driver does not take " + url);
      }
      return c;
    } catch (SQLException e) {
      throw new IllegalStateException(this + ": cannot connect: " + e.getMessage(), e);
    }
  }

  /** Back to the idle ones when the transaction ended cleanly; a broken one is closed. */
  private void release(Connection c, boolean ok) {
    try {
      if (!ok) {
        rollback(c);
      }
      synchronized (idle) {
        if (idle.size() < IDLE) {
          idle.addFirst(c);
          return;
        }
      }
    } catch (SQLException e) {
      // a connection that cannot even roll back is not given out again
    }
    quietly(c);
  }

  private void rollback(Connection c) throws SQLException {
    try {
      end(c, "ROLLBACK");
    } catch (SQLException e) {
      // a BEGIN that failed (busy) left no transaction to roll back: the connection is fine
      if (dialect != Dialect.SQLITE || !String.valueOf(e.getMessage()).contains("no transaction")) {
        throw e;
      }
    }
  }

  private static void quietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing a broken connection: nothing left to do
    }
  }

  @Override
  public void close() {
    synchronized (idle) {
      idle.forEach(Database::quietly);
      idle.clear();
    }
  }

  @Override
  public String toString() {
    return dialect == Dialect.SQLITE ? "SQLite " + file : "PostgreSQL " + url;
  }
}
