package dev.yuqing.core.config;

import java.io.Serializable;

/**
 * The relational database that holds the incident desk: incidents, their alerts, deliveries, the
 * response log, dashboard sessions and report bookkeeping. Without it ({@code database} absent)
 * yuqing uses an embedded SQLite file under the data directory ({@code DATA/db/yuqing.db}), which
 * needs no setup but is reachable only from that machine; a deployment where the Flink job, the
 * dashboard and the CLI run on different hosts names a PostgreSQL server here.
 *
 * @param url {@code jdbc:postgresql://host:5432/yuqing}
 * @param user the database user, or null for the driver's default
 * @param passwordEnv environment variable holding the password (default YUQING_DB_PASSWORD); unset:
 *     no password
 */
public record DatabaseConfig(String url, String user, String passwordEnv) implements Serializable {
  public DatabaseConfig {
    url = Check.required("url", url);
    if (!url.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException(
          "url: only PostgreSQL is supported here (jdbc:postgresql://host:5432/yuqing); leave"
              + " database out for the embedded store, got '"
              + url
              + "'");
    }
    user = user == null || user.isBlank() ? null : user.strip();
    passwordEnv =
        Check.envName("passwordEnv", passwordEnv == null ? "YUQING_DB_PASSWORD" : passwordEnv);
  }
}
