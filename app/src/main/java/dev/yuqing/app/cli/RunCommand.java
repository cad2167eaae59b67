package dev.yuqing.app.cli;

import dev.yuqing.core.UserError;
import dev.yuqing.core.config.StreamConfig;
import dev.yuqing.core.config.YuqingConfig;
import dev.yuqing.stream.Pipelines;
import dev.yuqing.stream.StreamReport;
import dev.yuqing.stream.YuqingJob;
import dev.yuqing.stream.metrics.StageMetrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code yuqing run}: the long-running job over the configured sources. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "持续运行：按配置抓取各信息源，打标、入库、检测异常并发送预警，直到 Ctrl-C。",
      "Runs the stream job on the configured sources in an embedded Flink cluster until Ctrl-C."
          + " Checkpoints go to DATA/checkpoints/run (or stream.checkpointUri); started again"
          + " with the same --data after a crash or Ctrl-C, it continues from the last one: no"
          + " post is lost or indexed twice and no alert goes out twice.",
      "On a Flink cluster, submit the job jar instead (see docs/stream.md).",
    })
public final class RunCommand extends CliCommand implements Callable<Integer> {
  private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

  @Mixin ConfigFile.Required config;

  @Mixin DataDir dataDir;

  @Mixin Parallelism parallelism;

  @Option(
      names = "--progress",
      defaultValue = "30s",
      description = "how often to print what each stage did (default: ${DEFAULT-VALUE})")
  String progress;

  @Override
  public Integer call() throws Exception {
    Path data = dataDir.path;
    YuqingConfig cfg = config.load();
    StreamConfig stream = parallelism.apply(cfg.stream());
    cfg = cfg.withStream(stream);
    Duration every;
    try {
      every = Duration.parse("PT" + progress.toUpperCase(java.util.Locale.ROOT));
    } catch (java.time.format.DateTimeParseException e) {
      throw new UserError("--progress " + progress + ": not a duration (e.g. 30s, 5m)");
    }
    YuqingJob job;
    try {
      job = Pipelines.run(cfg, Pipelines.Options.embedded(data));
    } catch (IllegalArgumentException e) {
      throw new UserError(config.path + ": " + e.getMessage(), e);
    }
    PrintWriter out = out();
    out.printf(
        "yuqing run：%d 个信息源，%d 个项目，数据目录 %s（Ctrl-C 停止，下次从检查点继续）%n",
        cfg.sources().size(), cfg.projects().size(), data);
    JobConsole.run(
        out,
        job,
        stream,
        data,
        "run",
        true,
        every,
        s ->
            String.format(
                "[%s] 抓取 %d 条（%d 页）· %s",
                LocalTime.now().format(HMS),
                s.count(StageMetrics.SOURCED),
                s.count(StageMetrics.PAGES),
                StreamReport.line(s)));
    return 0;
  }
}
