package dev.yuqing.stream.window;

import dev.yuqing.core.SentimentLabel;
import dev.yuqing.stream.metrics.StageMetrics;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Tumbling event-time windows per window key (project × topic × sentiment). Every counted post
 * updates its own window at once — rules need not wait for the window to close to see a burst — and
 * the watermark closes windows.
 *
 * <p>Late posts: a post whose window the watermark has already passed is still counted in its own
 * window (emitted as {@link WindowCount.Kind#LATE}) as long as that window is within {@code
 * lateness} behind the watermark; windows are forgotten after that. A post later still is counted
 * in a window re-opened for it, so no post is ever dropped from the counts; only its baseline
 * history may be gone.
 */
public final class WindowCounter extends KeyedProcessFunction<String, Mention, WindowCount> {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long lateness;
  private transient MapState<Long, Long> counts;
  private transient Counter late;

  public WindowCounter(Duration size, Duration lateness) {
    this.size = size.toMillis();
    this.lateness = lateness.toMillis();
  }

  @Override
  public void open(OpenContext ctx) {
    counts =
        getRuntimeContext().getMapState(new MapStateDescriptor<>("counts", Types.LONG, Types.LONG));
    late = getRuntimeContext().getMetricGroup().counter(StageMetrics.PREFIX + "late");
  }

  /** Start of the window holding event time {@code t}. */
  public static long windowStart(long t, long size) {
    return Math.floorDiv(t, size) * size;
  }

  @Override
  public void processElement(Mention m, Context ctx, Collector<WindowCount> out) throws Exception {
    long t = m.post().eventTime();
    long start = windowStart(t, size);
    long end = start + size;
    long watermark = ctx.timerService().currentWatermark();
    Long old = counts.get(start);
    long count = old == null ? 1 : old + 1;
    counts.put(start, count);
    boolean isLate = end - 1 <= watermark;
    if (old == null) {
      // close at the window's end, forget lateness later; a re-opened late window closes at once
      ctx.timerService().registerEventTimeTimer(end - 1);
      ctx.timerService().registerEventTimeTimer(end - 1 + lateness);
    }
    if (isLate) {
      late.inc();
    }
    out.collect(
        new WindowCount(
            m.key(),
            m.project(),
            m.topic(),
            m.sentiment(),
            start,
            end,
            count,
            isLate ? WindowCount.Kind.LATE : WindowCount.Kind.COUNTED,
            m.post()));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<WindowCount> out)
      throws Exception {
    // Two timers per window: close at its last millisecond, forget `lateness` after that. With
    // lateness a multiple of the size, one timestamp can be both (for different windows).
    long closing = timestamp + 1 - size;
    Long count = counts.get(closing);
    if (count != null) {
      String[] k = ctx.getCurrentKey().split("\u001f", -1);
      out.collect(
          new WindowCount(
              ctx.getCurrentKey(),
              k[0],
              k[1],
              SentimentLabel.parse(k[2]),
              closing,
              closing + size,
              count,
              WindowCount.Kind.CLOSED,
              null));
    }
    counts.remove(closing - lateness);
  }
}
