package dev.yuqing.app.cli;

import dev.yuqing.alerts.channel.SmtpChannel;
import dev.yuqing.alerts.mail.AlertMail;
import dev.yuqing.alerts.store.Database;
import dev.yuqing.alerts.store.JdbcIncidentStore;
import dev.yuqing.core.DaemonThreads;
import dev.yuqing.core.Grade;
import dev.yuqing.core.UserError;
import dev.yuqing.core.config.ConfigLoader;
import dev.yuqing.core.config.DashboardConfig;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.config.TlsConfig;
import dev.yuqing.core.config.YuqingConfig;
import dev.yuqing.core.evidence.EvidenceReader;
import dev.yuqing.crawler.evidence.WarcEvidence;
import dev.yuqing.dashboards.IncidentDesk;
import dev.yuqing.dashboards.insight.IndexInsights;
import dev.yuqing.dashboards.report.IncidentReport;
import dev.yuqing.dashboards.report.MailReportSender;
import dev.yuqing.dashboards.report.ReportBuilder;
import dev.yuqing.dashboards.report.ReportScheduler;
import dev.yuqing.dashboards.report.ReportSender;
import dev.yuqing.dashboards.report.ReportService;
import dev.yuqing.dashboards.web.Dashboard;
import dev.yuqing.dashboards.web.DashboardServer;
import dev.yuqing.dashboards.web.TlsContexts;
import dev.yuqing.index.PostIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code yuqing serve}: the web dashboard over the index and alerts under --data. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "启动舆情看板 (the web dashboard): overview, the incident desk, alerts, search, post evidence.",
      "Users and roles come from dashboard.users in --config; hash passwords with"
          + " 'yuqing user hash'.",
      "Example: yuqing serve --data ./data --port 8080 --config config/yuqing.yaml"
    })
public final class ServeCommand extends CliCommand implements Callable<Integer> {
  @Mixin DataDir dataDir;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "port to listen on (default: dashboard.port, 8080)")
  Integer port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "address to listen on (default: dashboard.bind, 127.0.0.1)")
  String bind;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      defaultValue = "config/yuqing.yaml",
      description = "configuration with projects and dashboard.users (default: ${DEFAULT-VALUE})")
  Path config;

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(config)) {
      throw new UserError(
          config
              + ": no such file: serve needs a config with projects and dashboard.users (see"
              + " config/example.yaml; hash passwords with 'yuqing user hash')");
    }
    YuqingConfig cfg = new ConfigLoader().load(config);
    DashboardConfig d = cfg.dashboard();
    if (d.users().isEmpty()) {
      throw new UserError(
          config
              + ": dashboard.users is empty: nobody could log in (add users; see 'yuqing user hash')");
    }
    if (port != null && (port < 0 || port > 65535)) {
      throw new UserError("--port: must be 0..65535, got " + port);
    }
    Secrets secrets = Secrets.fromEnvironment();
    SSLContext ssl = d.tls() == null ? null : tls(d.tls(), secrets);
    ZoneId zone = ZoneId.of(cfg.reports().zone());
    Clock clock = Clock.systemUTC();
    Path data = dataDir.path;
    PostIndex index = IndexLocation.openReadOnly(cfg, data); // the dashboard searches by text
    Path evidenceDir = data.resolve("evidence");
    EvidenceReader evidence =
        Files.exists(evidenceDir.resolve(WarcEvidence.MANIFEST))
            ? new EvidenceReader(evidenceDir)
            : null;
    IndexInsights insights = new IndexInsights(index, zone);
    Path font = Path.of(cfg.reports().font());
    IncidentDesk desk =
        new IncidentDesk(new JdbcIncidentStore(database(cfg, secrets)), cfg.alerts(), clock);
    Dashboard dash =
        new Dashboard(
            d,
            cfg.projects(),
            index,
            insights,
            desk.alerts(),
            desk,
            clock,
            zone,
            evidence,
            Files.isReadable(font) ? new IncidentReport(insights, font, zone) : null);
    ScheduledExecutorService reports = startReports(cfg, dash, secrets);
    CountDownLatch stopped = new CountDownLatch(1);
    try (index;
        DashboardServer server =
            DashboardServer.start(
                dash, bind == null ? d.bind() : bind, port == null ? d.port() : port, ssl)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "serve-shutdown"));
      out().println("yuqing serve: 舆情看板 " + server.uri() + " (Ctrl-C to stop)");
      out().flush();
      stopped.await();
    } finally {
      if (reports != null) {
        reports.shutdownNow();
      }
    }
    return 0;
  }

  /** Sends the scheduled reports (reports.schedules) from this process, checking every minute. */
  private ScheduledExecutorService startReports(YuqingConfig cfg, Dashboard dash, Secrets secrets) {
    if (cfg.reports().schedules().isEmpty()) {
      return null;
    }
    Path font = Path.of(cfg.reports().font());
    if (!Files.isReadable(font)) {
      throw new UserError(
          "reports.font: " + font + " not found: apt-get install fonts-wqy-microhei, or set it");
    }
    SmtpChannel smtp;
    try {
      smtp =
          cfg.smtp() == null
              ? null
              : new SmtpChannel(
                  cfg.smtp(),
                  secrets,
                  new AlertMail(dash.zone(), cfg.smtp().from(), "yuqing alerts ack %s"),
                  dash.clock());
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
    ReportSender sender =
        new MailReportSender(
            smtp,
            cfg.smtp() == null ? "yuqing@localhost" : cfg.smtp().from(),
            dataDir.path.resolve("outbox"),
            dash.clock());
    ReportService service =
        new ReportService(
            new ReportBuilder(dash.index(), dash.insights(), dash.alerts(), dash.clock()), font);
    ReportScheduler scheduler =
        new ReportScheduler(
            cfg.reports().schedules(),
            cfg.alerts().recipients().getOrDefault(Grade.ALERT, List.of()),
            dash.zone(),
            service,
            sender,
            dash.clock(),
            dash.desk().database());
    ScheduledExecutorService ex =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("report-scheduler"));
    ex.scheduleWithFixedDelay(
        () -> {
          try {
            scheduler.tick();
          } catch (RuntimeException e) {
            // a broken tick must not stop the schedule: the next minute tries again
            err().println("yuqing serve: reports: " + e.getMessage());
          }
        },
        0,
        1,
        TimeUnit.MINUTES);
    return ex;
  }

  private Database database(YuqingConfig cfg, Secrets secrets) {
    try {
      return Database.open(cfg.database(), dataDir.path, secrets);
    } catch (IllegalStateException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  private static SSLContext tls(TlsConfig t, Secrets secrets) {
    char[] password =
        secrets
            .get(t.passwordEnv())
            .orElseThrow(
                () ->
                    new UserError(
                        "dashboard.tls.passwordEnv: environment variable "
                            + t.passwordEnv()
                            + " is not set"))
            .toCharArray();
    try {
      return TlsContexts.server(Path.of(t.keystore()), password);
    } catch (IOException | GeneralSecurityException e) {
      throw new UserError("dashboard.tls.keystore: " + t.keystore() + ": " + e.getMessage(), e);
    }
  }
}
