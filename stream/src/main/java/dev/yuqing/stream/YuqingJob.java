package dev.yuqing.stream;

import dev.yuqing.core.Post;
import dev.yuqing.core.Tagger;
import dev.yuqing.core.config.StreamConfig;
import dev.yuqing.stream.dedup.ExactDedup;
import dev.yuqing.stream.dedup.NearDuplicateLinker;
import dev.yuqing.stream.window.Mention;
import dev.yuqing.stream.window.WindowCount;
import dev.yuqing.stream.window.WindowCounter;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The yuqing job, flink-training style: it takes its source and sinks, so tests run it with a
 * bounded source and collecting sinks and {@code main} wires the production ones.
 *
 * <pre>
 * source ─ normalise ─┬─ keyBy(id): exact dedup ─ tag ─ keyBy(project): link reposts ─┬─ index sink
 *                     │                                                                └─ windows per
 *                     │   project × topic × sentiment ─ spike rules ─ alert sink
 * </pre>
 *
 * Event time is the post's publication time, with bounded out-of-orderness and idle sources
 * excluded from the watermark.
 */
public final class YuqingJob {
  private final Source<Post, ?, ?> source;
  private final int sourceParallelism;
  private final Sink<Tagged> indexSink;
  private final int indexParallelism;
  private final Sink<WindowCount> countSink;
  private final Settings settings;

  /**
   * What the job needs besides its source and sinks.
   *
   * @param stream stream configuration (parallelism, windows, dedup)
   * @param scope which projects a post belongs to
   * @param tagger builds the tagger on each task manager
   * @param lateness how long after its end a window still takes late posts into its count
   */
  public record Settings(
      StreamConfig stream, Normaliser.Scope scope, Factory<Tagger> tagger, Duration lateness) {}

  /**
   * @param source posts in; its parallelism is capped at {@code sourceParallelism}
   * @param indexSink where tagged posts go; with {@code indexParallelism} writers (1 for an
   *     embedded Lucene index, which allows one writer)
   * @param countSink window counts, or null to drop them
   */
  public YuqingJob(
      Source<Post, ?, ?> source,
      int sourceParallelism,
      Sink<Tagged> indexSink,
      int indexParallelism,
      Sink<WindowCount> countSink,
      Settings settings) {
    this.source = source;
    this.sourceParallelism = sourceParallelism;
    this.indexSink = indexSink;
    this.indexParallelism = indexParallelism;
    this.countSink = countSink;
    this.settings = settings;
  }

  /** Adds the job's operators to {@code env}; returns the window counts. */
  public DataStream<WindowCount> build(StreamExecutionEnvironment env) {
    StreamConfig cfg = settings.stream();
    env.setParallelism(cfg.parallelism());
    WatermarkStrategy<Post> watermarks =
        WatermarkStrategy.<Post>forBoundedOutOfOrderness(cfg.maxOutOfOrderness())
            .withTimestampAssigner((p, ts) -> p.eventTime().toEpochMilli())
            .withIdleness(cfg.idleTimeout());

    SingleOutputStreamOperator<Post> posts =
        env.fromSource(source, watermarks, "sources", TypeInformation.of(Post.class))
            .uid("sources")
            .setParallelism(Math.max(1, Math.min(sourceParallelism, cfg.parallelism())));

    DataStream<Tagged> tagged =
        posts
            .map(new Normaliser(settings.scope()))
            .name("normalise")
            .uid("normalise")
            .setParallelism(posts.getParallelism())
            .keyBy(i -> i.post().id())
            .process(new ExactDedup(cfg.dedupTtl()))
            .name("dedup-exact")
            .uid("dedup-exact")
            .map(new TagFunction(settings.tagger()))
            .name("tag")
            .uid("tag")
            .keyBy(NearDuplicateLinker::scope)
            .process(new NearDuplicateLinker(cfg.dedupTtl(), cfg.nearDuplicateBits()))
            .name("dedup-reposts")
            .uid("dedup-reposts");

    tagged
        .sinkTo(indexSink)
        .name("index")
        .uid("index")
        .setParallelism(Math.max(1, Math.min(indexParallelism, cfg.parallelism())));

    DataStream<WindowCount> counts =
        tagged
            .flatMap(
                (Tagged t, org.apache.flink.util.Collector<Mention> out) ->
                    Mention.of(t).forEach(out::collect))
            .returns(Mention.class)
            .name("mentions")
            .uid("mentions")
            .keyBy(Mention::key)
            .process(new WindowCounter(cfg.window(), settings.lateness()))
            .name("windows")
            .uid("windows");
    if (countSink != null) {
      counts.sinkTo(countSink).name("counts").uid("counts");
    }
    return counts;
  }
}
