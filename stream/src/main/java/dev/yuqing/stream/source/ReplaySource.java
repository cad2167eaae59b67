package dev.yuqing.stream.source;

import dev.yuqing.core.Post;
import dev.yuqing.stream.metrics.StageMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.metrics.Counter;

/**
 * Plays a JSON-lines file of timestamped posts (see {@link ReplayFormat}) in event time at a speed
 * factor: 1 is real time, 60 one minute per second, 0 as fast as possible. Event time always comes
 * from the file. Bounded: the source finishes at the end of the file. The checkpointed state is the
 * byte offset of the next line, so a restart continues where the last checkpoint was.
 */
public final class ReplaySource
    implements Source<Post, ReplaySplit, List<ReplaySplit>>, ResultTypeQueryable<Post> {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final double speed;
  private final double rate;

  /**
   * @param speed event-time speed factor; 0: no pacing by event time
   * @param rate at most this many posts per second; 0: no limit (benchmarks pace by rate)
   */
  public ReplaySource(Path file, double speed, double rate) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no such file");
    }
    if (!(speed >= 0)) {
      throw new IllegalArgumentException("speed: must be 0 or more, got " + speed);
    }
    if (!(rate >= 0)) {
      throw new IllegalArgumentException("rate: must be 0 or more, got " + rate);
    }
    this.path = file.toAbsolutePath().toString();
    this.speed = speed;
    this.rate = rate;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<ReplaySplit, List<ReplaySplit>> createEnumerator(
      SplitEnumeratorContext<ReplaySplit> enumContext) {
    return new StaticSplitEnumerator<>(
        enumContext, List.of(new ReplaySplit(path, 0, 1)), List.of(path));
  }

  @Override
  public SplitEnumerator<ReplaySplit, List<ReplaySplit>> restoreEnumerator(
      SplitEnumeratorContext<ReplaySplit> enumContext, List<ReplaySplit> checkpoint) {
    return new StaticSplitEnumerator<>(enumContext, checkpoint, List.of(path));
  }

  @Override
  public SimpleVersionedSerializer<ReplaySplit> getSplitSerializer() {
    return JsonSerializer.of(ReplaySplit.class);
  }

  @Override
  public SimpleVersionedSerializer<List<ReplaySplit>> getEnumeratorCheckpointSerializer() {
    return JsonSerializer.listOf(ReplaySplit.class);
  }

  @Override
  public SourceReader<Post, ReplaySplit> createReader(SourceReaderContext readerContext) {
    double s = speed;
    double r = rate;
    Counter posts = readerContext.metricGroup().counter(StageMetrics.SOURCED);
    Counter bad = readerContext.metricGroup().counter(StageMetrics.BAD_INPUT);
    return new Reader(() -> new ReplaySplitReader(s, r), new Emitter(posts, bad), readerContext);
  }

  @Override
  public TypeInformation<Post> getProducedType() {
    return TypeInformation.of(Post.class);
  }

  /** Mutable position while the split is read. */
  static final class Position {
    final String path;
    long offset;
    long line;

    Position(ReplaySplit s) {
      path = s.path();
      offset = s.offset();
      line = s.line();
    }
  }

  private record Emitter(Counter posts, Counter bad)
      implements RecordEmitter<ReplayRecord, Post, Position> {
    @Override
    public void emitRecord(ReplayRecord r, SourceOutput<Post> output, Position position) {
      if (r.post() != null) {
        output.collect(r.post());
        posts.inc();
      } else {
        bad.inc();
      }
      position.offset = r.nextOffset();
      position.line = r.nextLine();
    }
  }

  private static final class Reader
      extends SingleThreadMultiplexSourceReaderBase<ReplayRecord, Post, ReplaySplit, Position> {
    Reader(
        java.util.function.Supplier<
                org.apache.flink.connector.base.source.reader.splitreader.SplitReader<
                    ReplayRecord, ReplaySplit>>
            splitReader,
        Emitter emitter,
        SourceReaderContext context) {
      super(splitReader, emitter, context.getConfiguration(), context);
    }

    @Override
    protected void onSplitFinished(Map<String, Position> finishedSplitIds) {}

    @Override
    protected Position initializedState(ReplaySplit split) {
      return new Position(split);
    }

    @Override
    protected ReplaySplit toSplitType(String splitId, Position p) {
      return new ReplaySplit(p.path, p.offset, p.line);
    }
  }
}
