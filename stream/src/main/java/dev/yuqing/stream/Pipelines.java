package dev.yuqing.stream;

import dev.yuqing.core.config.IndexConfig;
import dev.yuqing.core.config.ProjectConfig;
import dev.yuqing.core.config.StreamConfig;
import dev.yuqing.core.config.YuqingConfig;
import dev.yuqing.crawler.Crawlers;
import dev.yuqing.stream.sink.AlertSink;
import dev.yuqing.stream.sink.IndexSink;
import dev.yuqing.stream.source.CrawlerSource;
import dev.yuqing.stream.source.ReplaySource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The production jobs: {@code run} (the configured crawler sources, forever), {@code crawl until}
 * (the same, bounded: the demo) and {@code replay} (a JSON-lines file), each writing the configured
 * index and alert outbox under the data directory.
 */
public final class Pipelines {
  /** The project every replayed post belongs to when no configuration is given. */
  public static final String DEFAULT_PROJECT = "默认项目";

  /** How soon an indexed post is committed (searchable and durable) after it arrived. */
  static final long COMMIT_DELAY_MS = 200;

  /** Where the job runs, which decides how an embedded Lucene index is written. */
  public enum Placement {
    /** In this JVM (MiniCluster): index writers share one Lucene writer, at full parallelism. */
    EMBEDDED,
    /** On a Flink cluster: one Lucene writer (task managers are separate JVMs). */
    CLUSTER
  }

  private Pipelines() {}

  /**
   * Where a job keeps its state and where it runs.
   *
   * @param dataDir the data directory (index, alerts, outbox, checkpoints, evidence)
   * @param placement in this JVM or on a Flink cluster
   */
  public record Options(Path dataDir, Placement placement) {
    public Options {
      Objects.requireNonNull(dataDir, "dataDir");
      Objects.requireNonNull(placement, "placement");
    }

    /** A job in this JVM's MiniCluster. */
    public static Options embedded(Path dataDir) {
      return new Options(dataDir, Placement.EMBEDDED);
    }
  }

  /**
   * A JSON-lines file to play through the job.
   *
   * @param in the file
   * @param speed event-time speed factor; 0: as fast as the job goes
   * @param rate at most this many posts a second; 0: no limit
   */
  public record Replay(Path in, double speed, double rate) {
    public Replay {
      Objects.requireNonNull(in, "in");
    }

    /** The file as fast as the job goes. */
    public static Replay asFastAsPossible(Path in) {
      return new Replay(in, 0, 0);
    }
  }

  /**
   * The configuration a replay without {@code --config} runs with: one project, the shipped default
   * rules, Lucene, the outbox.
   */
  public static YuqingConfig defaultReplayConfig(StreamConfig stream) {
    return YuqingConfig.ofProjects(List.of(new ProjectConfig(DEFAULT_PROJECT, null, null, null)))
        .withStream(stream);
  }

  /** Crawls the configured sources until cancelled. */
  public static YuqingJob run(YuqingConfig config, Options options) {
    return crawl(config, null, Clock.systemUTC(), options);
  }

  /**
   * Crawls the configured sources until {@code stopAt} (wall clock), once more, then finishes.
   *
   * @param clock the crawlers' and the alert service's clock (the demo's accelerated story clock,
   *     so that the group wait and interval pass in story time); serialisable
   */
  public static YuqingJob crawlUntil(
      YuqingConfig config, Instant stopAt, Clock clock, Options options) {
    return crawl(config, stopAt, clock, options);
  }

  /** The crawling job: until cancelled when {@code stopAt} is null. */
  private static YuqingJob crawl(
      YuqingConfig config, Instant stopAt, Clock clock, Options options) {
    ConfigSnapshot snap = ConfigSnapshot.of(config);
    String data = options.dataDir().toAbsolutePath().toString();
    TaskManagerFactory<Crawlers> crawlers = ProductionStages.crawlers(snap, data, clock);
    Duration late = config.stream().maxOutOfOrderness();
    CrawlerSource source =
        stopAt == null
            ? CrawlerSource.unbounded(config, crawlers, clock, late)
            : CrawlerSource.until(config, crawlers, stopAt, clock, late);
    return job(
        config,
        snap,
        data,
        source,
        CrawlerSource.watermarks(),
        source.splitCount(),
        false,
        options.placement(),
        clock);
  }

  /**
   * Replays a JSON-lines file with a configuration: posts belong to the projects they name. Without
   * one ({@code config} null) every post belongs to {@link #DEFAULT_PROJECT} under {@link
   * #defaultReplayConfig} with these stream settings.
   */
  public static YuqingJob replay(
      YuqingConfig config, StreamConfig stream, Replay replay, Options options) {
    boolean unconfigured = config == null;
    YuqingConfig cfg = unconfigured ? defaultReplayConfig(stream) : config.withStream(stream);
    return job(
        cfg,
        ConfigSnapshot.of(cfg),
        options.dataDir().toAbsolutePath().toString(),
        new ReplaySource(replay.in(), replay.speed(), replay.rate()),
        null,
        1,
        unconfigured,
        options.placement(),
        Clock.systemUTC());
  }

  private static YuqingJob job(
      YuqingConfig cfg,
      ConfigSnapshot snap,
      String data,
      org.apache.flink.api.connector.source.Source<dev.yuqing.core.Post, ?, ?> source,
      org.apache.flink.api.common.eventtime.WatermarkStrategy<dev.yuqing.core.Post> watermarks,
      int sourceParallelism,
      boolean everythingInDefaultProject,
      Placement placement,
      Clock alertClock) {
    Normaliser.Scope scope =
        everythingInDefaultProject
            ? Normaliser.Scope.everything(DEFAULT_PROJECT)
            : Normaliser.Scope.of(cfg.projects(), null);
    // An embedded Lucene index has one writer per directory: in one JVM the sink's subtasks share
    // it; across task managers only one subtask may write. Elasticsearch takes one per subtask.
    boolean lucene = cfg.index().backend() == IndexConfig.Backend.LUCENE;
    boolean shared = lucene && placement == Placement.EMBEDDED;
    int indexWriters = lucene && !shared ? 1 : Integer.MAX_VALUE;
    return new YuqingJob(
        source,
        watermarks,
        sourceParallelism,
        new IndexSink(
            ProductionStages.index(snap, data), COMMIT_DELAY_MS, shared ? "lucene:" + data : null),
        indexWriters,
        new AlertSink(ProductionStages.alerts(snap, data, alertClock)),
        new YuqingJob.Settings(cfg.stream(), snap, scope, ProductionStages.tagger(snap)));
  }
}
