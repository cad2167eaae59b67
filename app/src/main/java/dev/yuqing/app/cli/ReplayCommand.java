package dev.yuqing.app.cli;

import dev.yuqing.analysis.SearchTextAnalysis;
import dev.yuqing.core.Ids;
import dev.yuqing.core.UserError;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.config.StreamConfig;
import dev.yuqing.core.config.YuqingConfig;
import dev.yuqing.index.PostIndex;
import dev.yuqing.index.PostIndexes;
import dev.yuqing.stream.Pipelines;
import dev.yuqing.stream.StreamReport;
import dev.yuqing.stream.YuqingJob;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code yuqing replay}: plays a JSON-lines file of timestamped posts through the whole job. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "按事件时间回放 JSON Lines 文件，经过完整的流处理作业（去重、打标、入库、预警）。",
      "Plays timestamped posts (fields id, time, title, text, author) through the whole stream job"
          + " in an embedded Flink cluster, at a speed factor: 1 real time, 3600 one hour per"
          + " second, 0 as fast as possible (event time still from the file).",
      "Without --config every post belongs to one default project and the shipped rules apply."
          + " Killed and started again with the same --in and --data, it continues from its last"
          + " checkpoint.",
    })
public final class ReplayCommand extends CliCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, paramLabel = "FILE", description = "JSON-lines input")
  Path in;

  @Option(
      names = "--speed",
      defaultValue = "0",
      description = "event-time speed factor; 0: as fast as possible (default)")
  double speed;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description = "at most this many posts per second; 0: no limit (default)")
  double rate;

  @Mixin DataDir dataDir;

  @Mixin ConfigFile config;

  @Mixin Parallelism parallelism;

  @Option(names = "--fresh", description = "ignore checkpoints of an earlier run of this replay")
  boolean fresh;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(in)) {
      throw new UserError("--in " + in + ": no such file");
    }
    if (!(speed >= 0)) {
      throw new UserError("--speed " + speed + ": must be 0 or more");
    }
    if (!(rate >= 0)) {
      throw new UserError("--rate " + rate + ": must be 0 or more");
    }
    Path data = dataDir.path;
    YuqingConfig cfg = config.loadOrNull();
    StreamConfig stream = parallelism.apply(cfg == null ? StreamConfig.DEFAULT : cfg.stream());
    YuqingJob job;
    try {
      job =
          Pipelines.replay(
              cfg, stream, new Pipelines.Replay(in, speed, rate), Pipelines.Options.embedded(data));
    } catch (IllegalArgumentException e) {
      throw new UserError((config.path == null ? "" : config.path + ": ") + e.getMessage(), e);
    }
    PrintWriter out = out();
    String name =
        "replay-" + Ids.sha256Hex(in.toAbsolutePath().normalize().toString()).substring(0, 12);
    out.printf("回放 %s（速度 %s），数据目录 %s%n", in, speed == 0 ? "不限" : speed + "×", data);
    JobConsole.run(
        out,
        job,
        stream,
        data,
        name,
        !fresh,
        Duration.ofSeconds(2),
        s -> "  " + StreamReport.line(s));
    YuqingConfig effective = cfg == null ? Pipelines.defaultReplayConfig(stream) : cfg;
    try (PostIndex index =
        PostIndexes.openReadOnly(
            effective.index(), data, Secrets.fromEnvironment(), SearchTextAnalysis.get())) {
      out.printf("索引 %s：%d 条%n", PostIndexes.luceneDirectory(data), index.count());
    }
    StreamReport.incidents(out, effective.database(), data);
    out.printf("预警发件箱 %s：%d 封%n", data.resolve("outbox"), countMails(data.resolve("outbox")));
    out.flush();
    return 0;
  }

  static long countMails(Path outbox) throws IOException {
    if (!Files.isDirectory(outbox)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(outbox)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".eml")).count();
    }
  }
}
