package dev.yuqing.stream.source;

import dev.yuqing.core.Post;
import dev.yuqing.core.config.SourceConfig;
import dev.yuqing.core.config.YuqingConfig;
import dev.yuqing.crawler.CrawlState;
import dev.yuqing.crawler.Crawlers;
import dev.yuqing.stream.TaskManagerFactory;
import dev.yuqing.stream.metrics.StageMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.metrics.Counter;

/**
 * The configured crawler sources as one FLIP-27 source: each source is a split, polled on its own
 * revisit interval by the reader it is assigned to; the split state is the source's {@link
 * CrawlState}, so crawl progress is part of every checkpoint.
 *
 * <p>Watermarks come from the crawls, not from the posts: once a crawl that started at {@code T}
 * (crawler clock) has emitted its posts, the split's watermark moves to {@code T −
 * maxOutOfOrderness}. Posts do not arrive in publication order (a board lists threads by last
 * reply, a feed runs hours behind), and a source must not push event time past posts another source
 * has not fetched yet; a source whose crawl fails still moves on, so that one dead site does not
 * stall every window. A post published longer than that before the crawl that found it is late, and
 * handled as such downstream.
 *
 * <p>Unbounded by default. With a stop time it is bounded: each source is crawled one last time at
 * or after that instant and then finishes (the demo and tests use this).
 */
public final class CrawlerSource
    implements Source<Post, CrawlSplit, List<CrawlSplit>>, ResultTypeQueryable<Post> {
  private static final long serialVersionUID = 1L;

  private final List<Plan> plans;
  private final TaskManagerFactory<Crawlers> factory;
  private final long stopAt;
  private final Clock clock;
  private final long outOfOrderness;

  /** How often entries added with {@code yuqing add} are looked for. */
  static final Duration MANUAL_REVISIT = Duration.ofMinutes(1);

  /** A source to crawl: the serialisable seed of its split. */
  private record Plan(String sourceId, long revisitMillis) implements java.io.Serializable {}

  private CrawlerSource(
      List<Plan> plans,
      TaskManagerFactory<Crawlers> factory,
      long stopAt,
      Clock clock,
      Duration outOfOrderness) {
    if (plans.isEmpty()) {
      throw new IllegalArgumentException("sources: no source configured to crawl");
    }
    if (!(clock instanceof java.io.Serializable)) {
      throw new IllegalArgumentException("the crawler clock must be serialisable: " + clock);
    }
    this.plans = List.copyOf(plans);
    this.factory = factory;
    this.stopAt = stopAt;
    this.clock = clock;
    this.outOfOrderness = outOfOrderness.toMillis();
  }

  /**
   * Crawls the sources until the job is cancelled.
   *
   * @param clock the clock the crawlers use (watermarks are crawl times on it); serialisable
   * @param outOfOrderness how long before a crawl a post may have been published and still be on
   *     time
   */
  public static CrawlerSource unbounded(
      YuqingConfig config,
      TaskManagerFactory<Crawlers> factory,
      Clock clock,
      Duration outOfOrderness) {
    return new CrawlerSource(splitsOf(config), factory, Long.MAX_VALUE, clock, outOfOrderness);
  }

  /** Crawls the sources until {@code stopAt} (wall clock), then once more, then finishes. */
  public static CrawlerSource until(
      YuqingConfig config,
      TaskManagerFactory<Crawlers> factory,
      Instant stopAt,
      Clock clock,
      Duration outOfOrderness) {
    return new CrawlerSource(
        splitsOf(config), factory, stopAt.toEpochMilli(), clock, outOfOrderness);
  }

  /**
   * Timestamps from the posts, watermarks from the crawls (emitted by the source itself), so the
   * strategy generates none.
   */
  public static WatermarkStrategy<Post> watermarks() {
    return WatermarkStrategy.<Post>noWatermarks()
        .withTimestampAssigner((p, ts) -> p.eventTime().toEpochMilli());
  }

  /**
   * One split per source the crawlers know: the configured ones and the manual entries. The manual
   * entries are looked for at least as often as the most often visited source: their split's
   * watermark moves only when they are looked for, and would hold every window back.
   */
  private static List<Plan> splitsOf(YuqingConfig config) {
    List<Plan> out = new ArrayList<>();
    Duration manual = MANUAL_REVISIT;
    for (SourceConfig s : config.sources()) {
      manual = s.revisit().compareTo(manual) < 0 ? s.revisit() : manual;
    }
    for (String id : Crawlers.sourceIds(config)) {
      Duration revisit =
          config.sources().stream()
              .filter(s -> s.id().equals(id))
              .map(SourceConfig::revisit)
              .findFirst()
              .orElse(manual);
      out.add(new Plan(id, revisit.toMillis()));
    }
    return out;
  }

  private List<CrawlSplit> splits() {
    List<CrawlSplit> out = new ArrayList<>();
    for (Plan p : plans) {
      out.add(new CrawlSplit(p.sourceId(), p.revisitMillis(), CrawlState.EMPTY, 0));
    }
    return out;
  }

  /** How many splits (sources) there are: more readers than this would sit idle. */
  public int splitCount() {
    return plans.size();
  }

  @Override
  public Boundedness getBoundedness() {
    return stopAt == Long.MAX_VALUE ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<CrawlSplit, List<CrawlSplit>> createEnumerator(
      SplitEnumeratorContext<CrawlSplit> enumContext) {
    return new StaticSplitEnumerator<>(enumContext, splits(), ids());
  }

  @Override
  public SplitEnumerator<CrawlSplit, List<CrawlSplit>> restoreEnumerator(
      SplitEnumeratorContext<CrawlSplit> enumContext, List<CrawlSplit> checkpoint) {
    return new StaticSplitEnumerator<>(enumContext, checkpoint, ids());
  }

  private List<String> ids() {
    return plans.stream().map(Plan::sourceId).toList();
  }

  @Override
  public SimpleVersionedSerializer<CrawlSplit> getSplitSerializer() {
    return JsonSerializer.of(CrawlSplit.class);
  }

  @Override
  public SimpleVersionedSerializer<List<CrawlSplit>> getEnumeratorCheckpointSerializer() {
    return JsonSerializer.listOf(CrawlSplit.class);
  }

  @Override
  public SourceReader<Post, CrawlSplit> createReader(SourceReaderContext readerContext) {
    TaskManagerFactory<Crawlers> f = factory;
    long stop = stopAt;
    Clock c = clock;
    return new Reader(
        () -> new CrawlSplitReader(f, stop, c),
        new Emitter(
            outOfOrderness,
            readerContext.metricGroup().counter(StageMetrics.SOURCED),
            readerContext.metricGroup().counter(StageMetrics.PAGES),
            readerContext.metricGroup().counter(StageMetrics.BAD_INPUT)),
        readerContext.getConfiguration(),
        readerContext);
  }

  @Override
  public TypeInformation<Post> getProducedType() {
    return TypeInformation.of(Post.class);
  }

  /** Mutable per-split state while the split is read. */
  static final class State {
    final CrawlSplit split;
    CrawlState crawlState;
    long nextPollAt;
    long watermark = Long.MIN_VALUE;

    State(CrawlSplit s) {
      split = s;
      crawlState = s.state();
      nextPollAt = s.nextPollAt();
    }
  }

  private record Emitter(long outOfOrderness, Counter posts, Counter pages, Counter errors)
      implements RecordEmitter<CrawlRecord, Post, State> {
    @Override
    public void emitRecord(CrawlRecord r, SourceOutput<Post> output, State state) {
      if (r.post() != null) {
        output.collect(r.post());
        posts.inc();
      } else {
        // All posts of the crawl are out: from now on a checkpoint remembers the new state.
        state.crawlState = r.stateAfter();
        state.nextPollAt = r.nextPollAt();
        long watermark = r.crawlStartedAt() - outOfOrderness;
        if (watermark > state.watermark) {
          state.watermark = watermark;
          output.emitWatermark(new Watermark(watermark));
        }
        pages.inc(r.pages());
        errors.inc(r.errors());
      }
    }
  }

  private static final class Reader
      extends SingleThreadMultiplexSourceReaderBase<CrawlRecord, Post, CrawlSplit, State> {
    Reader(
        java.util.function.Supplier<
                org.apache.flink.connector.base.source.reader.splitreader.SplitReader<
                    CrawlRecord, CrawlSplit>>
            splitReader,
        Emitter emitter,
        Configuration config,
        SourceReaderContext context) {
      super(splitReader, emitter, config, context);
    }

    @Override
    protected void onSplitFinished(Map<String, State> finishedSplitIds) {}

    @Override
    protected State initializedState(CrawlSplit split) {
      return new State(split);
    }

    @Override
    protected CrawlSplit toSplitType(String splitId, State s) {
      return new CrawlSplit(
          s.split.sourceId(), s.split.revisitMillis(), s.crawlState, s.nextPollAt);
    }
  }
}
