package dev.yuqing.alerts;

import dev.yuqing.alerts.store.Database;
import dev.yuqing.core.config.AlertsConfig;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.config.SmtpConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * One dispatcher in a JVM of its own, for {@code TwoDispatchersIT}: an alert service on a
 * PostgreSQL database delivering over SMTP until it is killed; prints {@code ready} once it runs
 * and {@code sent N} after each round that sent something.
 */
public final class DispatcherProcess {
  private DispatcherProcess() {}

  /** The alert config both dispatchers and the test's queueing service use. */
  static AlertsConfig config() {
    return Alerts.config(
        """
        recipients:
          critical: [all@example.com]
        grouping:
          wait: 0s
          interval: 0s
        """);
  }

  static SmtpConfig smtp(int port) {
    return new SmtpConfig(
        "127.0.0.1", port, SmtpConfig.Security.NONE, null, null, "yuqing@example.com");
  }

  /** Arguments: JDBC URL, database user, SMTP port. */
  public static void main(String[] args) throws Exception {
    Path data = Files.createTempDirectory("yuqing-dispatcher-");
    Database db = Database.postgres(args[0], args[1], null);
    try (AlertService svc =
        AlertService.open(
            db,
            data,
            config(),
            smtp(Integer.parseInt(args[2])),
            Secrets.of(Map.of()),
            Clock.systemUTC())) {
      System.out.println("ready");
      while (true) {
        int n = svc.deliverDue();
        if (n > 0) {
          System.out.println("sent " + n);
        }
        Thread.sleep(20);
      }
    }
  }
}
