package dev.yuqing.stream;

import dev.yuqing.core.Alert;
import dev.yuqing.core.Post;
import dev.yuqing.core.Tagger;
import dev.yuqing.core.config.StreamConfig;
import dev.yuqing.stream.dedup.ExactDedup;
import dev.yuqing.stream.dedup.NearDuplicateLinker;
import dev.yuqing.stream.window.AlertDetector;
import dev.yuqing.stream.window.Mention;
import dev.yuqing.stream.window.WindowCount;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * The yuqing job, flink-training style: it takes its source and sinks, so tests run it with a
 * bounded source and their own sinks and {@code main} wires the production ones.
 *
 * <pre>
 * source → normalise → keyBy(id): exact dedup → keyBy(project): link reposts
 *   → rebalance → tag ─┬→ index sink (same thread)
 *                      └→ keyBy(project): event-time windows per topic × sentiment + alert rules
 *                         → alert sink
 * </pre>
 *
 * Event time is the post's publication time, with bounded out-of-orderness; a source split that
 * stays silent is excluded from the watermark after {@code stream.idleTimeout}. Operator ids are
 * fixed, so a checkpoint restores into a newer build of the same job.
 */
public final class YuqingJob {
  private final Source<Post, ?, ?> source;
  private final WatermarkStrategy<Post> watermarks;
  private final int sourceParallelism;
  private final Sink<Tagged> indexSink;
  private final int indexParallelism;
  private final Sink<Alert> alertSink;
  private final Settings settings;

  /**
   * What the job needs besides its source and sinks.
   *
   * @param stream stream configuration (parallelism, windows, dedup)
   * @param config the whole configuration (the rules read {@code alerts})
   * @param scope which projects a post belongs to
   * @param tagger builds the tagger on each task manager
   */
  public record Settings(
      StreamConfig stream,
      ConfigSnapshot config,
      Normaliser.Scope scope,
      TaskManagerFactory<Tagger> tagger) {}

  /**
   * @param source posts in; at most {@code sourceParallelism} readers (one per split is enough)
   * @param watermarks timestamps and watermarks of the source; null: the post's event time with
   *     {@code stream.maxOutOfOrderness} and {@code stream.idleTimeout}
   * @param indexSink where tagged posts go, with at most {@code indexParallelism} writers (1 for an
   *     embedded Lucene index, which has one writer)
   * @param alertSink where alert decisions go (one writer)
   */
  public YuqingJob(
      Source<Post, ?, ?> source,
      WatermarkStrategy<Post> watermarks,
      int sourceParallelism,
      Sink<Tagged> indexSink,
      int indexParallelism,
      Sink<Alert> alertSink,
      Settings settings) {
    this.source = source;
    this.watermarks = watermarks;
    this.sourceParallelism = sourceParallelism;
    this.indexSink = indexSink;
    this.indexParallelism = indexParallelism;
    this.alertSink = alertSink;
    this.settings = settings;
  }

  /** The streams a built job exposes (tests attach their own sinks to them). */
  public record Streams(
      DataStream<Tagged> tagged, DataStream<Alert> alerts, DataStream<WindowCount> counts) {}

  /** Adds the job's operators to {@code env}. */
  public Streams build(StreamExecutionEnvironment env) {
    StreamConfig cfg = settings.stream();
    env.setParallelism(cfg.parallelism());
    // events are immutable records and no operator keeps a mutable input: chained operators may
    // hand them on without a copy
    env.getConfig().enableObjectReuse();
    WatermarkStrategy<Post> wm =
        watermarks != null
            ? watermarks
            : WatermarkStrategy.<Post>forBoundedOutOfOrderness(cfg.maxOutOfOrderness())
                .withTimestampAssigner((p, ts) -> p.eventTime().toEpochMilli())
                .withIdleness(cfg.idleTimeout());

    SingleOutputStreamOperator<Post> posts =
        env.fromSource(source, wm, "sources", TypeInformation.of(Post.class))
            .uid("sources")
            .setParallelism(Math.max(1, Math.min(sourceParallelism, cfg.parallelism())));

    // The repost linker runs before the tagger: it needs only the text, and after it the tagged
    // post (with the segmented words the index uses) goes on in the same thread to the index
    // sink, never serialised; one project's posts sit on one linker subtask, so they are spread
    // again for tagging.
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
            .keyBy(NearDuplicateLinker::scope)
            .process(new NearDuplicateLinker(cfg.dedupTtl(), cfg.nearDuplicateBits()))
            .name("dedup-reposts")
            .uid("dedup-reposts")
            .rebalance()
            .map(new TagFunction(settings.tagger()))
            .name("tag")
            .uid("tag");

    if (indexSink != null) {
      // chained to the tagger where the writers may run at full parallelism (Elasticsearch, the
      // embedded Lucene index's shared writer); a single Lucene writer on a cluster gets its posts
      // over the network
      tagged
          .sinkTo(indexSink)
          .name("index")
          .uid("index")
          .setParallelism(Math.max(1, Math.min(indexParallelism, cfg.parallelism())));
    }

    SingleOutputStreamOperator<Alert> alerts =
        tagged
            .flatMap((Tagged t, Collector<Mention> out) -> Mention.of(t).forEach(out::collect))
            .returns(Mention.class)
            .name("mentions")
            .uid("mentions")
            .keyBy(Mention::project)
            .process(new AlertDetector(settings.config(), cfg.window(), cfg.lateness()))
            .returns(Alert.class)
            .name("windows-and-rules")
            .uid("windows-and-rules");
    if (alertSink != null) {
      alerts.sinkTo(alertSink).name("alerts").uid("alerts").setParallelism(1);
    }
    return new Streams(tagged, alerts, alerts.getSideOutput(AlertDetector.COUNTS));
  }
}
