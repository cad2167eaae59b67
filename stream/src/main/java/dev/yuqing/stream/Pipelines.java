package dev.yuqing.stream;

import dev.yuqing.core.config.IndexConfig;
import dev.yuqing.core.config.ProjectConfig;
import dev.yuqing.core.config.StreamConfig;
import dev.yuqing.core.config.YuqingConfig;
import dev.yuqing.stream.sink.AlertSink;
import dev.yuqing.stream.sink.IndexSink;
import dev.yuqing.stream.source.CrawlerSource;
import dev.yuqing.stream.source.ReplaySource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

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
   * The configuration a replay without {@code --config} runs with: one project, the shipped default
   * rules, Lucene, the outbox.
   */
  public static YuqingConfig defaultReplayConfig(StreamConfig stream) {
    return new YuqingConfig(
        List.of(new ProjectConfig(DEFAULT_PROJECT, null, null, null)),
        null,
        null,
        null,
        null,
        null,
        stream,
        null,
        null);
  }

  /** Crawls the configured sources until cancelled. */
  public static YuqingJob run(YuqingConfig config, Path dataDir) {
    return run(config, dataDir, Placement.EMBEDDED);
  }

  /** As {@link #run(YuqingConfig, Path)}, placed as given. */
  public static YuqingJob run(YuqingConfig config, Path dataDir, Placement placement) {
    ConfigSnapshot snap = ConfigSnapshot.of(config);
    String data = dataDir.toAbsolutePath().toString();
    Clock clock = Clock.systemUTC();
    CrawlerSource source =
        CrawlerSource.unbounded(
            config, Stages.crawlers(snap, data, clock), clock, config.stream().maxOutOfOrderness());
    return job(
        config,
        snap,
        data,
        source,
        CrawlerSource.watermarks(),
        source.splitCount(),
        false,
        placement,
        clock);
  }

  /**
   * Crawls the configured sources until {@code stopAt} (wall clock), once more, then finishes.
   *
   * @param clock the crawlers' and the alert service's clock (the demo's accelerated story clock,
   *     so that the group wait and interval pass in story time); serialisable
   */
  public static YuqingJob crawlUntil(
      YuqingConfig config, Path dataDir, Instant stopAt, Clock clock) {
    ConfigSnapshot snap = ConfigSnapshot.of(config);
    String data = dataDir.toAbsolutePath().toString();
    CrawlerSource source =
        CrawlerSource.until(
            config,
            Stages.crawlers(snap, data, clock),
            stopAt,
            clock,
            config.stream().maxOutOfOrderness());
    return job(
        config,
        snap,
        data,
        source,
        CrawlerSource.watermarks(),
        source.splitCount(),
        false,
        Placement.EMBEDDED,
        clock);
  }

  /**
   * Replays a JSON-lines file at a speed factor with a configuration: posts belong to the projects
   * they name.
   */
  public static YuqingJob replay(YuqingConfig config, Path in, double speed, Path dataDir) {
    return replay(config, in, speed, 0, dataDir);
  }

  /** As {@link #replay(YuqingConfig, Path, double, Path)}, at most {@code rate} posts a second. */
  public static YuqingJob replay(
      YuqingConfig config, Path in, double speed, double rate, Path dataDir) {
    return replay(config, in, speed, rate, dataDir, Placement.EMBEDDED);
  }

  /** As {@link #replay(YuqingConfig, Path, double, Path)}, paced and placed as given. */
  public static YuqingJob replay(
      YuqingConfig config, Path in, double speed, double rate, Path dataDir, Placement placement) {
    ConfigSnapshot snap = ConfigSnapshot.of(config);
    String data = dataDir.toAbsolutePath().toString();
    return job(
        config,
        snap,
        data,
        new ReplaySource(in, speed, rate),
        null,
        1,
        false,
        placement,
        Clock.systemUTC());
  }

  /**
   * Replays a JSON-lines file without a configuration: every post belongs to {@link
   * #DEFAULT_PROJECT}; see {@link #defaultReplayConfig}.
   */
  public static YuqingJob replay(StreamConfig stream, Path in, double speed, Path dataDir) {
    return replay(stream, in, speed, 0, dataDir);
  }

  /** As {@link #replay(StreamConfig, Path, double, Path)}, at most {@code rate} posts a second. */
  public static YuqingJob replay(
      StreamConfig stream, Path in, double speed, double rate, Path dataDir) {
    return replay(stream, in, speed, rate, dataDir, Placement.EMBEDDED);
  }

  /** As {@link #replay(StreamConfig, Path, double, Path)}, paced and placed as given. */
  public static YuqingJob replay(
      StreamConfig stream, Path in, double speed, double rate, Path dataDir, Placement placement) {
    YuqingConfig cfg = defaultReplayConfig(stream);
    ConfigSnapshot snap = ConfigSnapshot.of(cfg);
    String data = dataDir.toAbsolutePath().toString();
    return job(
        cfg,
        snap,
        data,
        new ReplaySource(in, speed, rate),
        null,
        1,
        true,
        placement,
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
        new IndexSink(Stages.index(snap, data), COMMIT_DELAY_MS, shared ? "lucene:" + data : null),
        indexWriters,
        new AlertSink(Stages.alerts(snap, data, alertClock)),
        new YuqingJob.Settings(cfg.stream(), snap, scope, Stages.tagger(snap)));
  }
}
