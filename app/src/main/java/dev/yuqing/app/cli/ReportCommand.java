package dev.yuqing.app.cli;

import dev.yuqing.alerts.store.Database;
import dev.yuqing.alerts.store.JdbcIncidentStore;
import dev.yuqing.analysis.SearchTextAnalysis;
import dev.yuqing.core.UserError;
import dev.yuqing.core.config.ConfigLoader;
import dev.yuqing.core.config.IndexConfig;
import dev.yuqing.core.config.ReportScheduleConfig.Kind;
import dev.yuqing.core.config.ReportsConfig;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.config.YuqingConfig;
import dev.yuqing.dashboards.StoreAlertInbox;
import dev.yuqing.dashboards.insight.IndexInsights;
import dev.yuqing.dashboards.report.Report;
import dev.yuqing.dashboards.report.ReportBuilder;
import dev.yuqing.dashboards.report.ReportPeriod;
import dev.yuqing.dashboards.report.ReportService;
import dev.yuqing.index.IndexException;
import dev.yuqing.index.PostIndex;
import dev.yuqing.index.PostIndexes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code yuqing report weekly|daily}: the 周报 or 日报 of one project as HTML or PDF. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "生成舆情日报/周报 (daily or weekly report) as HTML or PDF.",
      "Without --from/--to: yesterday (daily) or last Monday to Sunday (weekly).",
      "Example: yuqing report weekly --project 翡翠湾 --from 2024-05-06 --to 2024-05-12"
          + " --out weekly.pdf --data ./data"
    })
public final class ReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "KIND", description = "daily or weekly")
  String kind;

  @Option(names = "--project", required = true, paramLabel = "NAME", description = "the project")
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
  Path out;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "./data",
      description = "data directory: index/ and alerts/ (default: ${DEFAULT-VALUE})")
  Path data;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "configuration: projects, index backend, reports.zone and reports.font")
  Path config;

  @Override
  public Integer call() throws Exception {
    Kind k;
    try {
      k = Kind.parse(kind);
    } catch (IllegalArgumentException e) {
      throw new UserError("KIND: " + e.getMessage());
    }
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    String format =
        name.endsWith(".pdf")
            ? "pdf"
            : name.endsWith(".html") || name.endsWith(".htm") ? "html" : null;
    if (format == null) {
      throw new UserError("--out " + out + ": the file must end in .pdf or .html");
    }
    YuqingConfig cfg = config == null ? null : new ConfigLoader().load(config);
    if (cfg != null && cfg.project(project).isEmpty()) {
      throw new UserError(
          "--project " + project + ": not a project in " + config + " (projects[].name)");
    }
    ReportsConfig reports = cfg == null ? ReportsConfig.DEFAULT : cfg.reports();
    IndexConfig indexConfig = cfg == null ? IndexConfig.DEFAULT : cfg.index();
    ZoneId zone = ZoneId.of(reports.zone());
    ReportPeriod period = period(k, zone);
    Path font = Path.of(reports.font());
    if (!Files.isReadable(font)) {
      throw new UserError(
          font + ": CJK font not found: apt-get install fonts-wqy-microhei, or set reports.font");
    }
    Clock clock = Clock.systemUTC();
    PostIndex index;
    try {
      index =
          PostIndexes.openReadOnly(
              indexConfig, data, Secrets.fromEnvironment(), SearchTextAnalysis.get());
    } catch (IndexException e) {
      throw new UserError(e.getMessage(), e);
    }
    try (index) {
      ReportService service =
          new ReportService(
              new ReportBuilder(
                  index,
                  new IndexInsights(index, zone),
                  new StoreAlertInbox(
                      new JdbcIncidentStore(
                          Database.open(
                              cfg == null ? null : cfg.database(),
                              data,
                              Secrets.fromEnvironment())),
                      clock),
                  clock),
              font);
      Report r = service.build(project, period);
      byte[] bytes = service.render(r, format);
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(out, bytes);
      spec.commandLine()
          .getOut()
          .printf(
              "%s：%d 条帖子（负面 %d），%d 条预警 → %s (%d KB)%n",
              ReportService.subject(r),
              r.current().total(),
              r.current().negative(),
              r.alerts().size(),
              out,
              (bytes.length + 1023) / 1024);
    }
    return 0;
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
