package dev.yuqing.app.cli;

import dev.yuqing.analysis.SearchTextAnalysis;
import dev.yuqing.app.demo.DemoData;
import dev.yuqing.app.demo.LittleInternet;
import dev.yuqing.app.demo.Story;
import dev.yuqing.app.demo.StoryClock;
import dev.yuqing.core.UserError;
import dev.yuqing.core.config.ConfigLoader;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.config.YuqingConfig;
import dev.yuqing.index.PostIndex;
import dev.yuqing.index.PostIndexes;
import dev.yuqing.stream.EmbeddedJob;
import dev.yuqing.stream.Pipelines;
import dev.yuqing.stream.StreamReport;
import dev.yuqing.stream.metrics.ProgressReporter;
import dev.yuqing.stream.metrics.StageMetrics;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code yuqing demo}: the whole path on a little internet of our own — a homeowner forum and a
 * news site with its RSS feed for the invented estate 翡翠湾 — played on an accelerated clock.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "演示：在本机启动一个小小的互联网（业主论坛、新闻网站和 RSS），按加速的时钟播放翡翠湾交房前后的一周：",
      "平静的一周之后，暴雨导致天花板漏水的投诉集中出现，还有人号召去售楼部讨说法。",
      "yuqing 用真实的爬虫抓取、Flink 作业打标入库、检测异常，把同一事件的预警合为一个事件，写出一串预警邮件（.eml）。",
      "The demo: crawls a local forum and news feed through the real crawler, runs the real Flink"
          + " job (tagging, Lucene index, rules) and writes the alert mail into DIR/outbox.",
    })
public final class DemoCommand extends CliCommand implements Callable<Integer> {
  private static final DateTimeFormatter STORY =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(Story.ZONE);

  @Option(
      names = "--data",
      defaultValue = "./data",
      paramLabel = "DIR",
      description = "where the index and the outbox go; cleared first (default: ${DEFAULT-VALUE})")
  Path data;

  @Option(
      names = "--seconds",
      defaultValue = "45",
      description = "how long the story plays, wall-clock seconds (default: ${DEFAULT-VALUE})")
  int seconds;

  @Option(
      names = "--site-only",
      description =
          "only serve the little internet (the story plays in --seconds, then stays at its end)"
              + " and write DIR/demo-config.yaml, until Ctrl-C: to try yuqing crawl or run on it")
  boolean siteOnly;

  @Override
  public Integer call() throws Exception {
    if (seconds < 10 || seconds > 3600) {
      throw new UserError("--seconds " + seconds + ": must be 10..3600");
    }
    PrintWriter out = out();
    long began = System.nanoTime();
    try {
      DemoData.prepare(data);
    } catch (IllegalStateException e) {
      throw new UserError(e.getMessage(), e);
    }
    Story story = Story.load();
    StoryClock clock = story.clock(Duration.ofSeconds(seconds), Clock.systemUTC());
    try (LittleInternet net = LittleInternet.start(story, clock)) {
      Path configFile = data.resolve("demo-config.yaml");
      Files.writeString(configFile, DemoData.config(net), StandardCharsets.UTF_8);
      YuqingConfig cfg = new ConfigLoader().load(configFile);
      out.printf("yuqing 演示 · 翡翠湾（开发商 华景地产，物业 华景物业）%n");
      out.printf("  小小互联网：论坛 %s  新闻 RSS %s%n", net.forumUrl(), net.feedUrl());
      out.printf(
          "  故事 %s → %s，%d 条帖子和新闻，%d 秒播完（1 秒 ≈ %.1f 小时；危机的早晨放慢，1 秒 ≈ %.0f 分钟）%n",
          STORY.format(story.startInstant()),
          STORY.format(story.endInstant()),
          story.size(),
          seconds,
          clock.speed() / 3600,
          story.slow() == null
              ? clock.speed() / 60
              : clock.speedAt(story.slow().fromInstant()) / 60);
      out.flush();
      if (siteOnly) {
        out.printf("  配置已写入 %s；试试：%n", configFile);
        out.printf(
            "    ./yuqing crawl --config %s --data %s --once --out posts.jsonl%n",
            configFile, data);
        out.printf("    ./yuqing run --config %s --data %s%n", configFile, data);
        out.println("  Ctrl-C 结束。");
        out.flush();
        Thread.currentThread().join();
        return 0;
      }
      Instant stopAt = clock.wallTimeOf(story.endInstant());
      EmbeddedJob.Outcome o =
          EmbeddedJob.run(
              Pipelines.crawlUntil(cfg, stopAt, clock, Pipelines.Options.embedded(data)),
              cfg.stream(),
              data,
              "demo",
              false,
              Duration.ofSeconds(3),
              s -> {
                Instant now = clock.instant();
                out.printf(
                    "  [故事时间 %s] %s%n",
                    STORY.format(now.isAfter(story.endInstant()) ? story.endInstant() : now),
                    stages("抓取 %d · 打标 %d · 入库 %d%s · 转载 %d · 预警 %d", s));
                out.flush();
              });
      out.println(stages("完成：抓取 %d 条 · 打标 %d · 入库 %d%s · 转载已关联 %d · 预警 %d 次", o.metrics()));
      try (PostIndex index =
          PostIndexes.openReadOnly(
              cfg.index(), data, Secrets.fromEnvironment(), SearchTextAnalysis.get())) {
        out.printf(
            "索引：%s（%d 条）%n", PostIndexes.luceneDirectory(data).toAbsolutePath(), index.count());
      }
      StreamReport.incidents(out, cfg.database(), data);
      Path outbox = data.resolve("outbox").toAbsolutePath();
      List<Path> mails = mails(outbox);
      out.printf("预警邮件：%s（%d 封）%n", outbox, mails.size());
      for (Path mail : mails) {
        out.printf("  %s%n    %s%n", Terminal.safe(subject(mail)), mail.getFileName());
      }
      out.printf(
          "试试：./yuqing search --data %s 漏水    用时 %.0f 秒%n",
          data, Duration.ofNanos(System.nanoTime() - began).toMillis() / 1000.0);
      out.flush();
      return mails.isEmpty() ? 1 : 0;
    }
  }

  /**
   * {@code format} with what the stages did: crawled, tagged, indexed (rewritten), reposts, alerts.
   */
  private static String stages(String format, ProgressReporter.Snapshot s) {
    return String.format(
        format,
        s.count(StageMetrics.SOURCED),
        s.count(StageMetrics.TAGGED),
        s.count(StageMetrics.INDEXED),
        StreamReport.rewritten(s),
        s.count(StageMetrics.REPOSTS),
        s.count(StageMetrics.ALERTS));
  }

  private static List<Path> mails(Path outbox) throws Exception {
    if (!Files.isDirectory(outbox)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(outbox)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted().toList();
    }
  }

  private static String subject(Path eml) {
    try (InputStream in = Files.newInputStream(eml)) {
      return new MimeMessage(Session.getInstance(new Properties()), in).getSubject();
    } catch (Exception e) {
      return "(" + e.getMessage() + ")";
    }
  }
}
