package dev.yuqing.stream.window;

import dev.yuqing.alerts.rules.EngineState;
import dev.yuqing.alerts.rules.RuleEngine;
import dev.yuqing.alerts.rules.RuleOutcome;
import dev.yuqing.alerts.rules.WindowSummary;
import dev.yuqing.core.Alert;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import dev.yuqing.stream.ConfigSnapshot;
import dev.yuqing.stream.JsonStateSerializer;
import dev.yuqing.stream.Tagged;
import dev.yuqing.stream.metrics.LatencyHistogram;
import dev.yuqing.stream.metrics.StageMetrics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per project: tumbling event-time windows ({@code stream.window}, epoch-aligned) counting posts
 * per topic and sentiment, judged by the alerts module's rules.
 *
 * <ul>
 *   <li>Every counted post goes to the post rules at once ({@link RuleEngine#onPost}: critical
 *       words, mobilisation, media);
 *   <li>and its window, as counted so far, to the window rules ({@link RuleEngine#onPartialWindow}:
 *       spike, threshold), so a burst alerts while it happens, not when its window closes. Together
 *       these are the post's "alert decision" ({@link StageMetrics#LATENCY_DECISION});
 *   <li>when the watermark passes a window's end, the window's {@link WindowSummary} goes to the
 *       window rules ({@link RuleEngine#onWindow}: spike, threshold, new topic), in start order,
 *       once; an alert the open window already raised is not sent again;
 *   <li>event-time timers at {@link RuleOutcome#wakeAt} let open incidents resolve ({@link
 *       RuleEngine#onTime}).
 * </ul>
 *
 * <p>The open-window judgement is kept (it opens the incident) only once no earlier window can
 * still receive a post on time, i.e. the watermark has reached the window's start: the rules count
 * the windows before it as closed when they see it. A post of a window that starts later — the
 * first {@code maxOutOfOrderness} of a window, while the one before is still open — is judged
 * against a copy of the rule state in which the open earlier windows are closed as counted so far;
 * if that copy would alert, the alert is not sent from the copy (a post still to come for the
 * earlier window could make it a different incident) but the window's judgement waits and is made
 * for real as soon as the watermark reaches its start (a timer there). When more than one earlier
 * window is still open (the watermark far behind: a backlog, an unpaced replay) the judgement waits
 * without trying the copy. A post whose judgement waited counts in "ingest → alert decision" when
 * it is made. Whenever a window closes, the next one's posts so far are judged for real, so an
 * alert the copy missed (the earlier window got more posts after it) is not left for the close.
 *
 * <p>Late posts — behind the watermark, so their window was already judged: they are indexed like
 * any post, and counted in their own window, kept for {@code lateness} after it closed (a later one
 * in a window opened again for it); the counts are re-emitted on {@link #COUNTS} flagged late. The
 * post rules judge them like any other post. The window rules never judge a window twice, so an
 * alert already sent is neither withdrawn nor sent again, and a late post cannot raise a spike for
 * a window already judged.
 *
 * <p>When the input ends (the watermark jumps to the end of time) the open windows are judged, as
 * they are complete, but no incident is resolved: that much quiet time did not actually pass.
 *
 * <p>The rule state is kept as the JSON bytes the alerts module defines ({@link
 * EngineState#toJson}); rules are pure, so a replay from a checkpoint yields the same alert ids and
 * revisions and the alert service drops the ones it already has.
 */
public final class AlertDetector extends KeyedProcessFunction<String, Mention, Alert> {
  private static final long serialVersionUID = 1L;
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(AlertDetector.class);

  /** Window counts per project × topic × sentiment (side output). */
  public static final OutputTag<WindowCount> COUNTS =
      new OutputTag<>(
          "window-counts",
          org.apache.flink.api.common.typeinfo.TypeInformation.of(WindowCount.class));

  /** Ingest times kept per window for the window-decision latency; beyond it, sampled out. */
  private static final int MAX_INGESTS = 2048;

  private final ConfigSnapshot config;
  private final long size;
  private final long lateness;
  private transient RuleEngine engine;
  private transient ValueState<EngineState> rules;
  private transient ValueState<Long> wake;
  private transient MapState<Long, OpenWindow> windows;
  private transient Counter decisions;
  private transient Counter alerts;
  private transient Counter late;
  private transient LatencyHistogram decisionLatency;
  private transient LatencyHistogram alertLatency;
  private transient LatencyHistogram windowLatency;

  /**
   * One window of the project.
   *
   * @param summary the alerts module's summary of the window
   * @param counts "topic␟sentiment" → posts
   * @param ingests ingest times of the posts counted before the window was judged
   * @param judged whether the window rules have judged it
   * @param latest latest event time counted in it, ms: "now" for its open-window judgement
   * @param waiting how many of the last posts in {@code ingests} wait for the window's judgement
   *     until the watermark reaches its start (see the class comment); 0: none
   */
  public record OpenWindow(
      WindowSummary summary,
      Map<String, Long> counts,
      long[] ingests,
      boolean judged,
      long latest,
      int waiting) {}

  public AlertDetector(ConfigSnapshot config, Duration window, Duration lateness) {
    this.config = config;
    this.size = window.toMillis();
    this.lateness = lateness.toMillis();
  }

  @Override
  public void open(OpenContext ctx) {
    engine = new RuleEngine(config.get().alerts(), Duration.ofMillis(size));
    rules =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("rules", new JsonStateSerializer<>(EngineState.class)));
    wake = getRuntimeContext().getState(new ValueStateDescriptor<>("wake", Types.LONG));
    windows =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "windows",
                    LongSerializer.INSTANCE,
                    new JsonStateSerializer<>(OpenWindow.class)));
    var g = getRuntimeContext().getMetricGroup();
    decisions = g.counter(StageMetrics.DECISIONS);
    alerts = g.counter(StageMetrics.ALERTS);
    late = g.counter(StageMetrics.PREFIX + "late");
    decisionLatency = StageMetrics.histogram(g, StageMetrics.LATENCY_DECISION);
    alertLatency = StageMetrics.histogram(g, StageMetrics.LATENCY_ALERT);
    windowLatency = StageMetrics.histogram(g, StageMetrics.LATENCY_WINDOW);
  }

  @Override
  public void processElement(Mention m, Context ctx, Collector<Alert> out) throws Exception {
    Tagged t = m.post();
    TaggedPost p = t.post();
    long at = t.eventTime();
    long start = Math.floorDiv(at, size) * size;
    long end = start + size;
    long watermark = ctx.timerService().currentWatermark();
    boolean isLate = end - 1 <= watermark;
    OpenWindow w = windows.get(start);
    if (w == null) {
      w =
          new OpenWindow(
              WindowSummary.empty(
                  m.project(), Instant.ofEpochMilli(start), Instant.ofEpochMilli(end)),
              Map.of(),
              new long[0],
              isLate,
              at,
              0);
      if (!isLate) {
        ctx.timerService().registerEventTimeTimer(end - 1);
      }
      ctx.timerService().registerEventTimeTimer(end - 1 + lateness);
    }
    WindowSummary summary = w.summary().plus(p);
    Map<String, Long> counts = new TreeMap<>(w.counts());
    SentimentLabel s = p.sentiment().label();
    counts.merge(countKey(WindowCount.ALL_TOPICS, s), 1L, Long::sum);
    for (Topic topic : p.topics()) {
      counts.merge(countKey(topic.label(), s), 1L, Long::sum);
    }
    long[] ingests = w.ingests();
    if (!w.judged() && ingests.length < MAX_INGESTS) {
      ingests = Arrays.copyOf(ingests, ingests.length + 1);
      ingests[ingests.length - 1] = t.ingestedAt();
    }
    OpenWindow updated =
        new OpenWindow(summary, counts, ingests, w.judged(), Math.max(w.latest(), at), w.waiting());
    if (w.judged()) {
      LOG.debug(
          "late post {} at {} for window {} (watermark {})",
          p.id(),
          Instant.ofEpochMilli(at),
          Instant.ofEpochMilli(start),
          watermark);
      late.inc();
      emitCounts(ctx, m.project(), start, end, counts, p, true);
    }

    int raised = apply(engine.onPost(engineState(), m.project(), p), ctx.timerService(), out);
    boolean decided = true;
    if (!updated.judged()) {
      if (watermark >= start - 1) {
        // no earlier window can get a post on time any more: the judgement is kept
        raised += apply(openWindow(updated), ctx.timerService(), out);
      } else if (updated.waiting() > 0 || mustWait(start, updated)) {
        // decided when the watermark reaches the window (onTimer)
        int waiting = Math.min(updated.waiting() + 1, updated.ingests().length);
        updated = withWaiting(updated, waiting);
        ctx.timerService().registerEventTimeTimer(start - 1);
        decided = false;
      }
    }
    windows.put(start, updated);
    long ms = System.currentTimeMillis() - t.ingestedAt();
    decisions.inc();
    if (decided) {
      decisionLatency.update(ms);
    }
    for (int i = 0; i < raised; i++) {
      alertLatency.update(ms);
    }
  }

  /** The window rules' judgement of an open window as counted so far. */
  private RuleOutcome<EngineState> openWindow(OpenWindow w) throws IOException {
    return engine.onPartialWindow(engineState(), w.summary(), Instant.ofEpochMilli(w.latest()));
  }

  /**
   * Whether the judgement of the open window starting at {@code start}, before the watermark
   * reached it, must wait for it: when the open window before it, closed on a copy of the rule
   * state as counted so far, makes the copy alert for this one; and, without trying, when more than
   * one earlier window is still open — the watermark is far behind (a backlog, an unpaced replay),
   * the copy would cost a gap fill per post, and the watermark will come soon. Nothing is kept.
   */
  private boolean mustWait(long start, OpenWindow w) throws Exception {
    // at most one earlier open window is tried, so the project's day of windows (kept for the
    // lateness) is scanned for two at most, never sorted
    WindowSummary earlier = null;
    for (Map.Entry<Long, OpenWindow> e : windows.entries()) {
      if (e.getKey() < start && !e.getValue().judged()) {
        if (earlier != null) {
          return true;
        }
        earlier = e.getValue().summary();
      }
    }
    EngineState s = engineState();
    if (earlier != null) {
      s = engine.onWindow(s, earlier).state();
    }
    return !engine
        .onPartialWindow(s, w.summary(), Instant.ofEpochMilli(w.latest()))
        .alerts()
        .isEmpty();
  }

  private static OpenWindow withWaiting(OpenWindow w, int waiting) {
    return new OpenWindow(w.summary(), w.counts(), w.ingests(), w.judged(), w.latest(), waiting);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
    boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
    long start = timestamp + 1 - size;
    OpenWindow w = windows.get(start);
    if (w != null && !w.judged() && timestamp == start + size - 1) {
      LOG.debug(
          "judging window {} of {}: {} posts",
          Instant.ofEpochMilli(start),
          ctx.getCurrentKey(),
          w.summary().total());
      apply(engine.onWindow(engineState(), w.summary()), ctx.timerService(), out);
      long now = System.currentTimeMillis();
      for (long ingestedAt : w.ingests()) {
        windowLatency.update(now - ingestedAt);
      }
      emitCounts(ctx, ctx.getCurrentKey(), start, start + size, w.counts(), null, false);
      if (lateness == 0) {
        windows.remove(start);
      } else {
        windows.put(
            start, new OpenWindow(w.summary(), w.counts(), new long[0], true, w.latest(), 0));
      }
    }
    // The watermark reached the start of the next window: its posts so far are judged for real
    // now — a judgement that waited for this, or one the copy got wrong because the window before
    // got more posts after it.
    OpenWindow next = windows.get(timestamp + 1);
    if (next != null && !next.judged()) {
      int raised = apply(openWindow(next), ctx.timerService(), out);
      if (next.waiting() > 0) {
        long now = System.currentTimeMillis();
        long[] in = next.ingests();
        int first = Math.max(0, in.length - next.waiting());
        for (int i = first; i < in.length; i++) {
          decisionLatency.update(now - in[i]);
        }
        for (int i = 0; i < raised; i++) {
          alertLatency.update(now - in[first]); // the first post that waited
        }
        windows.put(timestamp + 1, withWaiting(next, 0));
      }
    }
    // forget the window whose lateness ends now
    long forget = timestamp + 1 - lateness - size;
    if (lateness > 0) {
      OpenWindow old = windows.get(forget);
      if (old != null && old.judged()) {
        windows.remove(forget);
      }
    }
    Long wakeAt = wake.value();
    if (wakeAt != null && wakeAt <= timestamp && !endOfInput) {
      wake.clear();
      apply(
          engine.onTime(engineState(), ctx.getCurrentKey(), Instant.ofEpochMilli(timestamp)),
          ctx.timerService(),
          out);
    }
  }

  /** Keeps the rules' new state, emits the alerts; returns how many. */
  private int apply(
      RuleOutcome<EngineState> e,
      org.apache.flink.streaming.api.TimerService timers,
      Collector<Alert> out)
      throws IOException {
    rules.update(e.state());
    for (Alert a : e.alerts()) {
      out.collect(a);
      alerts.inc();
    }
    if (e.wakeAt() != null) {
      long at = e.wakeAt().toEpochMilli();
      Long current = wake.value();
      if (current == null || current != at) {
        wake.update(at);
        timers.registerEventTimeTimer(at);
      }
    }
    return e.alerts().size();
  }

  private EngineState engineState() throws IOException {
    EngineState s = rules.value();
    return s == null ? engine.initialState() : s;
  }

  private void emitCounts(
      Context ctx,
      String project,
      long start,
      long end,
      Map<String, Long> counts,
      TaggedPost only,
      boolean isLate) {
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      int cut = e.getKey().indexOf('\u001f');
      String topic = e.getKey().substring(0, cut);
      SentimentLabel s = SentimentLabel.parse(e.getKey().substring(cut + 1));
      if (only != null && !(s == only.sentiment().label() && mentions(only, topic))) {
        continue; // a late post re-emits only the counts it changed
      }
      ctx.output(COUNTS, new WindowCount(project, topic, s, start, end, e.getValue(), isLate));
    }
  }

  private static boolean mentions(TaggedPost p, String topic) {
    return topic.equals(WindowCount.ALL_TOPICS)
        || p.topics().stream().anyMatch(t -> t.label().equals(topic));
  }

  private static String countKey(String topic, SentimentLabel s) {
    return topic + '\u001f' + s.json();
  }
}
