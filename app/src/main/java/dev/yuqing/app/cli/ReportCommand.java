package dev.yuqing.app.cli;

import dev.yuqing.alerts.store.Database;
import dev.yuqing.alerts.store.JdbcIncidentStore;
import dev.yuqing.core.UserError;
import dev.yuqing.core.config.AlertsConfig;
import dev.yuqing.core.config.ReportScheduleConfig.Kind;
import dev.yuqing.core.config.ReportsConfig;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.config.YuqingConfig;
import dev.yuqing.dashboards.IncidentDesk;
import dev.yuqing.dashboards.StoreAlertInbox;
import dev.yuqing.dashboards.insight.IndexInsights;
import dev.yuqing.dashboards.report.IncidentReport;
import dev.yuqing.dashboards.report.Report;
import dev.yuqing.dashboards.report.ReportBuilder;
import dev.yuqing.dashboards.report.ReportPeriod;
import dev.yuqing.dashboards.report.ReportService;
import dev.yuqing.index.PostIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yuqing report weekly|daily}: the 周报 or 日报 of one project as HTML or PDF; {@code yuqing
 * report incident ID}: one incident's summary (总结) as PDF.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "生成舆情日报/周报 (daily or weekly report) as HTML or PDF，或事件总结 (incident ID) as PDF.",
      "Without --from/--to: yesterday (daily) or last Monday to Sunday (weekly).",
      "Example: yuqing report weekly --project 翡翠湾 --from 2024-05-06 --to 2024-05-12"
          + " --out weekly.pdf --data ./data",
      "         yuqing report incident 3f9a0c1b --out summary.pdf --data ./data"
    })
public final class ReportCommand extends CliCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "KIND", description = "daily, weekly or incident")
  String kind;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "ID",
      description = "incident: its id or a unique prefix of it")
  String id;

  @Option(names = "--project", paramLabel = "NAME", description = "the project (daily, weekly)")
  String project;

  @Option(names = "--from", paramLabel = "DATE", description = "first day, e.g. 2024-05-06")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "last day, inclusive")
  String to;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "FILE.pdf or FILE.html")
  Path outFile;

  @Mixin DataDir data;

  @Mixin ConfigFile config; // projects, index backend, database, reports.zone and reports.font

  @Override
  public Integer call() throws Exception {
    if (kind.equals("incident")) {
      return incident();
    }
    Kind k;
    try {
      k = Kind.parse(kind);
    } catch (IllegalArgumentException e) {
      throw new UserError("KIND: " + e.getMessage() + " (or incident ID)");
    }
    if (project == null) {
      throw new UserError("--project: a daily or weekly report is about one project");
    }
    String name = outFile.getFileName().toString().toLowerCase(Locale.ROOT);
    String format =
        name.endsWith(".pdf")
            ? "pdf"
            : name.endsWith(".html") || name.endsWith(".htm") ? "html" : null;
    if (format == null) {
      throw new UserError("--out " + outFile + ": the file must end in .pdf or .html");
    }
    YuqingConfig cfg = config.loadOrNull();
    if (cfg != null && cfg.project(project).isEmpty()) {
      throw new UserError(
          "--project " + project + ": not a project in " + config.path + " (projects[].name)");
    }
    ReportsConfig reports = cfg == null ? ReportsConfig.DEFAULT : cfg.reports();
    ZoneId zone = ZoneId.of(reports.zone());
    ReportPeriod period = period(k, zone);
    Path font = font(reports);
    Clock clock = Clock.systemUTC();
    try (PostIndex index = IndexLocation.openReadOnly(cfg, data.path);
        Database db =
            Database.open(
                cfg == null ? null : cfg.database(), data.path, Secrets.fromEnvironment())) {
      ReportService service =
          new ReportService(
              new ReportBuilder(
                  index,
                  new IndexInsights(index, zone),
                  new StoreAlertInbox(new JdbcIncidentStore(db), clock),
                  clock),
              font);
      Report r = service.build(project, period);
      byte[] bytes = service.render(r, format);
      write(bytes);
      out()
          .printf(
              "%s：%d 条帖子（负面 %d），%d 条预警 → %s (%d KB)%n",
              ReportService.subject(r),
              r.current().total(),
              r.current().negative(),
              r.alerts().size(),
              outFile,
              (bytes.length + 1023) / 1024);
    }
    return 0;
  }

  /** The summary (总结) of one incident, as PDF. */
  private int incident() throws Exception {
    if (id == null) {
      throw new UserError("incident: give the incident's id (yuqing incidents list)");
    }
    if (!outFile.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
      throw new UserError("--out " + outFile + ": the summary is a PDF: the file must end in .pdf");
    }
    YuqingConfig cfg = config.loadOrNull();
    ReportsConfig reports = cfg == null ? ReportsConfig.DEFAULT : cfg.reports();
    Path font = font(reports);
    if (cfg == null || cfg.database() == null) {
      if (!Database.embeddedExists(data.path)) {
        throw new UserError(data.path.resolve(Database.EMBEDDED) + ": no incidents here");
      }
    }
    ZoneId zone = ZoneId.of(reports.zone());
    Clock clock = Clock.systemUTC();
    try (PostIndex index = IndexLocation.openReadOnly(cfg, data.path);
        Database db =
            Database.open(
                cfg == null ? null : cfg.database(), data.path, Secrets.fromEnvironment())) {
      IncidentDesk desk =
          new IncidentDesk(
              new JdbcIncidentStore(db), cfg == null ? AlertsConfig.DEFAULT : cfg.alerts(), clock);
      List<IncidentDesk.Row> hits =
          desk.inbox(null, false, Integer.MAX_VALUE).stream()
              .filter(r -> r.incident().id().startsWith(id.toLowerCase(Locale.ROOT)))
              .toList();
      if (hits.size() != 1 || id.length() < 4) {
        throw new UserError(
            id + ": " + (hits.isEmpty() ? "no such incident" : "give more characters of the id"));
      }
      IncidentDesk.View v = desk.view(hits.get(0).incident().id()).orElseThrow();
      byte[] pdf =
          new IncidentReport(new IndexInsights(index, zone), font, zone).pdf(v, clock.instant());
      write(pdf);
      out()
          .printf(
              "事件总结 %s：%s，%d 条处置记录 → %s (%d KB)%n",
              v.incident().id(),
              v.incident().project(),
              v.log().size(),
              outFile,
              (pdf.length + 1023) / 1024);
    }
    return 0;
  }

  private static Path font(ReportsConfig reports) {
    Path font = Path.of(reports.font());
    if (!Files.isReadable(font)) {
      throw new UserError(
          font + ": CJK font not found: apt-get install fonts-wqy-microhei, or set reports.font");
    }
    return font;
  }

  private void write(byte[] bytes) throws java.io.IOException {
    Path parent = outFile.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(outFile, bytes);
  }

  private ReportPeriod period(Kind k, ZoneId zone) {
    if (from == null && to == null) {
      return ReportPeriod.before(k, LocalDate.now(zone), zone);
    }
    LocalDate f = day("--from", from == null ? to : from);
    LocalDate t = to == null ? (k == Kind.DAILY ? f : f.plusDays(6)) : day("--to", to);
    try {
      return new ReportPeriod(k, f, t, zone);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  private static LocalDate day(String option, String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new UserError(option + ": not a date like 2024-05-06: '" + s + "'");
    }
  }
}
