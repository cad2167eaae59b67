package dev.yuqing.stream.source;

import dev.yuqing.core.Post;
import dev.yuqing.core.config.SourceConfig;
import dev.yuqing.crawler.CrawlState;
import dev.yuqing.crawler.Crawlers;
import dev.yuqing.stream.Factory;
import dev.yuqing.stream.metrics.StageMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * <p>Unbounded by default. With a stop time it is bounded: each source is crawled one last time at
 * or after that instant and then finishes (the demo and tests use this).
 */
public final class CrawlerSource
    implements Source<Post, CrawlSplit, List<CrawlSplit>>, ResultTypeQueryable<Post> {
  private static final long serialVersionUID = 1L;

  private final List<CrawlSplit> splits;
  private final Factory<Crawlers> factory;
  private final long stopAt;

  private CrawlerSource(List<CrawlSplit> splits, Factory<Crawlers> factory, long stopAt) {
    if (splits.isEmpty()) {
      throw new IllegalArgumentException("sources: no source configured to crawl");
    }
    this.splits = List.copyOf(splits);
    this.factory = factory;
    this.stopAt = stopAt;
  }

  /** Crawls the sources until the job is cancelled. */
  public static CrawlerSource unbounded(List<SourceConfig> sources, Factory<Crawlers> factory) {
    return new CrawlerSource(splitsOf(sources), factory, Long.MAX_VALUE);
  }

  /** Crawls the sources until {@code stopAt}, then once more, then finishes. */
  public static CrawlerSource until(
      List<SourceConfig> sources, Factory<Crawlers> factory, Instant stopAt) {
    return new CrawlerSource(splitsOf(sources), factory, stopAt.toEpochMilli());
  }

  private static List<CrawlSplit> splitsOf(List<SourceConfig> sources) {
    List<CrawlSplit> out = new ArrayList<>();
    for (SourceConfig s : sources) {
      out.add(new CrawlSplit(s.id(), s.revisit().toMillis(), CrawlState.EMPTY, 0));
    }
    return out;
  }

  /** How many splits (sources) there are: more readers than this would sit idle. */
  public int splitCount() {
    return splits.size();
  }

  @Override
  public Boundedness getBoundedness() {
    return stopAt == Long.MAX_VALUE ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<CrawlSplit, List<CrawlSplit>> createEnumerator(
      SplitEnumeratorContext<CrawlSplit> enumContext) {
    return new StaticSplitEnumerator<>(enumContext, splits, ids());
  }

  @Override
  public SplitEnumerator<CrawlSplit, List<CrawlSplit>> restoreEnumerator(
      SplitEnumeratorContext<CrawlSplit> enumContext, List<CrawlSplit> checkpoint) {
    return new StaticSplitEnumerator<>(enumContext, checkpoint, ids());
  }

  private List<String> ids() {
    return splits.stream().map(CrawlSplit::sourceId).toList();
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
    Factory<Crawlers> f = factory;
    long stop = stopAt;
    return new Reader(
        () -> new CrawlSplitReader(f, stop),
        new Emitter(
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

    State(CrawlSplit s) {
      split = s;
      crawlState = s.state();
      nextPollAt = s.nextPollAt();
    }
  }

  private static final class Emitter implements RecordEmitter<CrawlRecord, Post, State> {
    private final Counter posts;
    private final Counter pages;
    private final Counter errors;

    Emitter(Counter posts, Counter pages, Counter errors) {
      this.posts = posts;
      this.pages = pages;
      this.errors = errors;
    }

    @Override
    public void emitRecord(CrawlRecord r, SourceOutput<Post> output, State state) {
      if (r.post() != null) {
        output.collect(r.post());
        posts.inc();
      } else {
        // All posts of the crawl are out: from now on a checkpoint remembers the new state.
        state.crawlState = r.stateAfter();
        state.nextPollAt = r.nextPollAt();
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
