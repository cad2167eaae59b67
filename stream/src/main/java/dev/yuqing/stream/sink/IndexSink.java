package dev.yuqing.stream.sink;

import dev.yuqing.core.Tagging;
import dev.yuqing.index.PostIndex;
import dev.yuqing.stream.Tagged;
import dev.yuqing.stream.TaskManagerFactory;
import dev.yuqing.stream.metrics.LatencyHistogram;
import dev.yuqing.stream.metrics.StageMetrics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;

/**
 * Writes tagged posts into a {@link PostIndex}. Upserts are idempotent by post id, so the
 * at-least-once delivery of a restored job ends with exactly one document per post. A post is
 * handed to the index at most {@code commitDelay} after it arrived (then searchable within the
 * index's refresh interval); everything written is committed (durable) before each checkpoint
 * completes — Flink calls {@code flush} before the barrier — and every {@link #COMMIT_EVERY_MS}.
 */
public final class IndexSink implements Sink<Tagged> {
  private static final long serialVersionUID = 1L;
  private static final int BATCH = 500;

  /**
   * Commits between checkpoints at most this often: each commit syncs files and leaves a small
   * segment to merge, and searching does not need it (the index refreshes on its own).
   */
  static final long COMMIT_EVERY_MS = 5000;

  private final TaskManagerFactory<PostIndex> index;
  private final long commitDelayMs;
  private final String shareKey;

  /** What a writer writes to: the index, or this JVM's shared handle on it. */
  interface Target extends AutoCloseable {
    void upsert(Collection<Tagging> posts);

    void commit();

    @Override
    void close();
  }

  /**
   * @param commitDelayMs how soon after a post arrives it is committed (searchable, durable)
   * @param shareKey subtasks in one JVM with the same key share one opened index (an embedded
   *     Lucene index: one writer per directory, fed by every subtask); null: each opens its own
   */
  public IndexSink(TaskManagerFactory<PostIndex> index, long commitDelayMs, String shareKey) {
    this.index = index;
    this.commitDelayMs = commitDelayMs;
    this.shareKey = shareKey;
  }

  @Override
  public SinkWriter<Tagged> createWriter(WriterInitContext context) throws IOException {
    try {
      Target t;
      if (shareKey != null) {
        t = SharedIndex.acquire(shareKey, index);
      } else {
        PostIndex own = index.create();
        t =
            new Target() {
              @Override
              public void upsert(Collection<Tagging> posts) {
                own.upsertTagged(posts);
              }

              @Override
              public void commit() {
                own.commit();
              }

              @Override
              public void close() {
                own.close();
              }
            };
      }
      return new Writer(t, context, commitDelayMs);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot open the index: " + e.getMessage(), e);
    }
  }

  private static final class Writer implements SinkWriter<Tagged> {
    private final Target index;
    private final ProcessingTimeService time;
    private final BatchTimer timer;
    private final Counter indexed;
    private final Counter rewritten;
    private final LatencyHistogram latency;
    // Last version per id within the batch: an edit arriving in the same batch replaces its post.
    private final Map<String, Tagging> buffer = new LinkedHashMap<>();
    private final List<Long> written = new ArrayList<>();
    private int rewrites;
    private long lastCommit;

    Writer(Target index, WriterInitContext ctx, long commitDelayMs) {
      this.index = index;
      this.time = ctx.getProcessingTimeService();
      this.timer = new BatchTimer(time, commitDelayMs, this::onTimer);
      this.indexed = ctx.metricGroup().counter(StageMetrics.INDEXED);
      this.rewritten = ctx.metricGroup().counter(StageMetrics.REWRITTEN);
      this.latency = StageMetrics.histogram(ctx.metricGroup(), StageMetrics.LATENCY_INDEXED);
    }

    @Override
    public void write(Tagged t, Context context) {
      buffer.put(t.id(), t.tagging());
      written.add(t.ingestedAt());
      if (t.rewrite()) {
        rewrites++;
      }
      if (buffer.size() >= BATCH) {
        upsert();
      }
      timer.arm();
    }

    private void onTimer() {
      upsert();
      long now = time.getCurrentProcessingTime();
      if (now - lastCommit >= COMMIT_EVERY_MS) {
        commit();
      }
    }

    /** Hands the buffer to the index: searchable within its refresh interval (Lucene: 1 s). */
    private void upsert() {
      if (buffer.isEmpty()) {
        return;
      }
      index.upsert(buffer.values()); // written before it returns: the buffer is cleared next
      buffer.clear();
      long now = System.currentTimeMillis();
      for (long ingestedAt : written) {
        latency.update(now - ingestedAt);
      }
      indexed.inc(written.size() - rewrites);
      rewritten.inc(rewrites);
      written.clear();
      rewrites = 0;
    }

    /** Durable: before every checkpoint completes, and every few seconds in between. */
    private void commit() {
      upsert();
      index.commit();
      lastCommit = time.getCurrentProcessingTime();
    }

    @Override
    public void flush(boolean endOfInput) {
      commit();
    }

    @Override
    public void close() throws Exception {
      try {
        commit();
      } finally {
        index.close();
      }
    }
  }
}
