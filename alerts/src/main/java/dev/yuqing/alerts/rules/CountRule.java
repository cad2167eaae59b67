package dev.yuqing.alerts.rules;

import dev.yuqing.alerts.rules.CountRuleState.Series;
import dev.yuqing.core.Alert;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.TrendPoint;
import dev.yuqing.core.config.RuleConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The bookkeeping shared by rules over window counts: per-key series, gaps counted as empty
 * windows, sliding sums over several stream windows, trend points, open alerts and recovery.
 * Subclasses only say what a window's count is and whether it is above threshold.
 */
abstract sealed class CountRule<C extends RuleConfig> extends ConfiguredRule<C, CountRuleState>
    permits SpikeRule, ThresholdRule {
  /** Longest gap filled window by window; a longer one decays the baseline in closed form. */
  static final int MAX_FILL = 2 * 7 * 48;

  final int span;

  CountRule(C cfg, RuleContext ctx, Duration window) {
    super(cfg, ctx);
    this.span = ctx.windows(cfg.name(), window);
  }

  /** The verdict on one sliding window. */
  record Verdict(boolean hot, double expected, String reason, double learn) {}

  abstract boolean perTopic();

  /** The count the rule watches in a stream window, for one topic or (null) all. */
  abstract long count(WindowSummary w, String topic);

  /** Whether {@code sliding} posts in the window starting at {@code slot} are above threshold. */
  abstract Verdict judge(Series s, ZonedDateTime slot, long sliding, String topic);

  /** The series' baseline after learning {@code value}; null for rules without a baseline. */
  abstract SeasonalBaseline learn(SeasonalBaseline b, ZonedDateTime slot, double value);

  /** A long run of empty windows in closed form. */
  abstract SeasonalBaseline decay(SeasonalBaseline b, long windows);

  abstract SeasonalBaseline newBaseline();

  /** How long after it first sees a project the rule stays silent while it learns. */
  Duration warmup() {
    return Duration.ZERO;
  }

  @Override
  public CountRuleState initialState() {
    return CountRuleState.empty();
  }

  @Override
  public RuleOutcome<CountRuleState> onWindow(CountRuleState state, WindowSummary w) {
    Duration len = Duration.between(w.start(), w.end());
    if (!len.equals(ctx.streamWindow())) {
      throw new IllegalArgumentException(
          "window summary of " + len + " does not match stream.window " + ctx.streamWindow());
    }
    return eachSeries(
        state,
        w,
        (s, topic, watching, alerts) -> {
          if ((s.baseline() == null) != (newBaseline() == null)) {
            s = new Series(newBaseline(), s.nextStart(), s.recent(), s.trend(), s.openAlert());
          }
          if (w.start().isBefore(s.nextStart())) {
            return null; // late or repeated window: already counted
          }
          s = fill(s, w.start(), w.project(), topic, alerts, watching);
          return step(
              s, w.start(), w.end(), count(w, topic), w, w.project(), topic, alerts, watching);
        });
  }

  /** One window's work on one key's series; null leaves the series as it was. */
  private interface SeriesStep {
    Series apply(Series s, String topic, Instant watching, List<Alert> alerts);
  }

  /** Runs {@code step} on the series of each key the window touches; a new key's starts empty. */
  private RuleOutcome<CountRuleState> eachSeries(
      CountRuleState state, WindowSummary w, SeriesStep step) {
    Instant watching = state.watchingSince() == null ? w.start() : state.watchingSince();
    Map<String, Series> next = new TreeMap<>(state.series());
    List<Alert> alerts = new ArrayList<>();
    for (String key : keys(next, w)) {
      Series s = next.get(key);
      if (s == null) {
        s = new Series(newBaseline(), watching, List.of(), List.of(), null);
      }
      Series stepped = step.apply(s, key.isEmpty() ? null : key, watching, alerts);
      if (stepped != null) {
        next.put(key, stepped);
      }
    }
    return new RuleOutcome<>(new CountRuleState(watching, next), alerts, wakeAt(next));
  }

  /** The series to step for a window: those kept, plus each topic (or the one key "") it counts. */
  private TreeSet<String> keys(Map<String, Series> series, WindowSummary w) {
    TreeSet<String> keys = new TreeSet<>(series.keySet());
    if (perTopic()) {
      for (String topic : w.topicTotal().keySet()) {
        if (count(w, topic) > 0) {
          keys.add(topic);
        }
      }
    } else {
      keys.add("");
    }
    return keys;
  }

  /**
   * Judges the open window without learning from it: when it is already above threshold the alert
   * opens (or is updated, per realert) now, with the id it would get at the window's close. What
   * the alert stores from it is only what cannot be counted twice (the posts, by id); counts,
   * topics and keywords are added when the window closes.
   */
  @Override
  public RuleOutcome<CountRuleState> onPartialWindow(
      CountRuleState state, WindowSummary w, Instant now) {
    return eachSeries(
        state,
        w,
        (s, topic, watching, alerts) -> {
          if (w.start().isBefore(s.nextStart()) || count(w, topic) == 0) {
            return null;
          }
          s = fill(s, w.start(), w.project(), topic, alerts, watching);
          long count = count(w, topic);
          long sliding = sliding(s, count);
          Verdict v = judge(s, w.start().atZone(ctx.zone()), sliding, topic);
          if (v.hot() && !w.start().isBefore(watching.plus(warmup()))) {
            Instant slidingStart = slidingStart(w.end());
            List<TrendPoint> trend = trendWith(s, slidingStart, sliding, v);
            OpenAlert.Hit shown = hit(slidingStart, now, sliding, v, count, w, topic, trend);
            OpenAlert.Hit kept = shown.countedLater(s.trend());
            OpenAlert.hit(cfg, w.project(), topic, s.openAlert(), shown).emitTo(alerts);
            s =
                s.withOpenAlert(
                    OpenAlert.hit(cfg, w.project(), topic, s.openAlert(), kept).openAlert());
          }
          return s;
        });
  }

  @Override
  public RuleOutcome<CountRuleState> onPost(CountRuleState state, String project, TaggedPost post) {
    return new RuleOutcome<>(state, List.of(), wakeAt(state.series()));
  }

  @Override
  public RuleOutcome<CountRuleState> onTime(CountRuleState state, String project, Instant now) {
    Map<String, Series> next = new TreeMap<>(state.series());
    List<Alert> alerts = new ArrayList<>();
    next.replaceAll((key, s) -> s.withOpenAlert(quiet(s.openAlert(), now, alerts)));
    return new RuleOutcome<>(new CountRuleState(state.watchingSince(), next), alerts, wakeAt(next));
  }

  /** Counts the windows between the last one seen and {@code upTo} as empty. */
  private Series fill(
      Series s, Instant upTo, String project, String topic, List<Alert> out, Instant watching) {
    long n = ctx.windowsBetween(s.nextStart(), upTo);
    if (n > MAX_FILL) {
      long skip = n - MAX_FILL;
      Instant to = s.nextStart().plus(ctx.streamWindow().multipliedBy(skip));
      OpenAlert quieted = quiet(s.openAlert(), to, out);
      List<Long> zeros = new ArrayList<>();
      for (int i = 0; i < span - 1; i++) {
        zeros.add(0L);
      }
      s = new Series(decay(s.baseline(), skip), to, zeros, s.trend(), quieted);
      n = MAX_FILL;
    }
    for (long i = 0; i < n; i++) {
      Instant start = s.nextStart();
      s = step(s, start, start.plus(ctx.streamWindow()), 0, null, project, topic, out, watching);
    }
    return s;
  }

  private Series step(
      Series s,
      Instant start,
      Instant end,
      long count,
      WindowSummary w,
      String project,
      String topic,
      List<Alert> out,
      Instant watching) {
    long sliding = sliding(s, count);
    ZonedDateTime slot = start.atZone(ctx.zone());
    Verdict v = judge(s, slot, sliding, topic);
    if (v.hot() && start.isBefore(watching.plus(warmup()))) {
      // still learning what is usual: a first busy morning is not a spike
      v = new Verdict(false, v.expected(), null, v.learn());
    }
    Instant slidingStart = slidingStart(end);
    List<TrendPoint> trend = trendWith(s, slidingStart, sliding, v);
    if (trend.size() > Series.TREND_POINTS) {
      trend = trend.subList(trend.size() - Series.TREND_POINTS, trend.size());
    }
    OpenAlert openAlert = s.openAlert();
    if (v.hot()) {
      OpenAlert.Hit h = hit(slidingStart, end, sliding, v, count, w, topic, trend);
      openAlert = OpenAlert.hit(cfg, project, topic, openAlert, h).emitTo(out);
    } else {
      if (openAlert != null) {
        openAlert = openAlert.gathered(count, trend);
      }
      openAlert = quiet(openAlert, end, out);
    }
    List<Long> recent = new ArrayList<>(s.recent());
    recent.add(count);
    while (recent.size() > span - 1) {
      recent.remove(0);
    }
    return new Series(learn(s.baseline(), slot, v.learn()), end, recent, trend, openAlert);
  }

  /** The count over the rule's window: this stream window's and the recent ones before it. */
  private static long sliding(Series s, long count) {
    long sliding = count;
    for (long c : s.recent()) {
      sliding += c;
    }
    return sliding;
  }

  /** Where the rule's window ending at {@code end} starts. */
  private Instant slidingStart(Instant end) {
    return end.minus(ctx.streamWindow().multipliedBy(span));
  }

  /** The series' chart with the point of a judged window added. */
  private static List<TrendPoint> trendWith(
      Series s, Instant slidingStart, long sliding, Verdict v) {
    List<TrendPoint> trend = new ArrayList<>(s.trend());
    trend.add(new TrendPoint(slidingStart, sliding, v.expected()));
    return trend;
  }

  /**
   * A hot window as the open alert takes it: at the rule's grade, with the verdict's reason, and
   * the topics, keywords and posts of {@code w} (none for a window filled in as empty: null).
   */
  private OpenAlert.Hit hit(
      Instant slidingStart,
      Instant at,
      long sliding,
      Verdict v,
      long count,
      WindowSummary w,
      String topic,
      List<TrendPoint> trend) {
    return new OpenAlert.Hit(
        slidingStart,
        at,
        cfg.grade(),
        sliding,
        v.expected(),
        count,
        v.reason(),
        w == null ? Map.of() : topicsOf(w, topic),
        w == null ? Map.of() : w.keywords(),
        w == null ? List.of() : w.candidates(topic),
        trend,
        List.of());
  }

  private static Map<String, Long> topicsOf(WindowSummary w, String topic) {
    if (topic == null) {
      return w.topicNegative();
    }
    return Map.of(topic, w.negative(topic));
  }

  private Instant wakeAt(Map<String, Series> series) {
    Instant min = null;
    for (Series s : series.values()) {
      if (s.openAlert() != null) {
        Instant t = s.openAlert().resolvesAt(resolveAfter());
        min = min == null || t.isBefore(min) ? t : min;
      }
    }
    return min;
  }

  static String topicPrefix(String topic) {
    return topic == null ? "" : "「" + topic + "」";
  }
}
