package dev.yuqing.stream.dedup;

import dev.yuqing.core.Post;
import dev.yuqing.stream.Ingested;
import dev.yuqing.stream.metrics.StageMetrics;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by post id: drops a post already seen with the same content (a re-crawl, a replayed line, a
 * source re-emitting after a restore) and lets an edited post through as a new version that is
 * indexed again but not counted again. Remembers each id for the configured TTL.
 */
public final class ExactDedup extends KeyedProcessFunction<String, Ingested, Ingested> {
  private static final long serialVersionUID = 1L;

  private final Duration ttl;
  private transient ValueState<Seen> seen;
  private transient Counter duplicates;
  private transient Counter edits;

  public ExactDedup(Duration ttl) {
    this.ttl = ttl;
  }

  /**
   * What is remembered of one id.
   *
   * @param contentHash hash of the last version let through
   * @param version its version
   */
  public record Seen(String contentHash, int version) {}

  @Override
  public void open(OpenContext ctx) {
    ValueStateDescriptor<Seen> d = new ValueStateDescriptor<>("seen", Seen.class);
    d.enableTimeToLive(StateTtlConfig.newBuilder(ttl).build());
    seen = getRuntimeContext().getState(d);
    duplicates = getRuntimeContext().getMetricGroup().counter(StageMetrics.DUPLICATES);
    edits = getRuntimeContext().getMetricGroup().counter(StageMetrics.EDITS);
  }

  @Override
  public void processElement(Ingested in, Context ctx, Collector<Ingested> out) throws Exception {
    Post p = in.post();
    Seen s = seen.value();
    if (s == null) {
      seen.update(new Seen(p.contentHash(), p.version()));
      out.collect(in);
      return;
    }
    if (s.contentHash().equals(p.contentHash())) {
      duplicates.inc();
      return;
    }
    int version = Math.max(p.version(), s.version() + 1);
    seen.update(new Seen(p.contentHash(), version));
    edits.inc();
    // an edit replaces the document of the version the index has
    out.collect(in.withPost(p.toBuilder().version(version).build(), false, true));
  }
}
