package dev.yuqing.alerts.rules;

import dev.yuqing.alerts.rules.CountRuleState.Series;
import dev.yuqing.core.Alert;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.TrendPoint;
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
abstract sealed class CountRule implements Rule<CountRuleState> permits SpikeRule, ThresholdRule {
  /** Longest gap filled window by window; a longer one decays the baseline in closed form. */
  static final int MAX_FILL = 2 * 7 * 48;

  final RuleContext ctx;
  final int span;

  CountRule(RuleContext ctx, String name, Duration window) {
    this.ctx = ctx;
    this.span = ctx.windows(name, window);
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
    Instant watching = state.watchingSince() == null ? w.start() : state.watchingSince();
    Map<String, Series> next = new TreeMap<>(state.series());
    List<Alert> alerts = new ArrayList<>();
    for (String key : keys(next, w)) {
      String topic = key.isEmpty() ? null : key;
      Series s = next.get(key);
      if (s == null) {
        s = new Series(newBaseline(), watching, List.of(), List.of(), null);
      } else if ((s.baseline() == null) != (newBaseline() == null)) {
        s = new Series(newBaseline(), s.nextStart(), s.recent(), s.trend(), s.openAlert());
      }
      if (w.start().isBefore(s.nextStart())) {
        continue; // late or repeated window: already counted
      }
      s = fill(s, w.start(), w.project(), topic, alerts, watching);
      s = step(s, w.start(), w.end(), count(w, topic), w, w.project(), topic, alerts, watching);
      next.put(key, s);
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
    Instant watching = state.watchingSince() == null ? w.start() : state.watchingSince();
    Map<String, Series> next = new TreeMap<>(state.series());
    List<Alert> alerts = new ArrayList<>();
    for (String key : keys(next, w)) {
      String topic = key.isEmpty() ? null : key;
      Series s = next.get(key);
      if (s == null) {
        s = new Series(newBaseline(), watching, List.of(), List.of(), null);
      }
      if (w.start().isBefore(s.nextStart()) || count(w, topic) == 0) {
        continue;
      }
      s = fill(s, w.start(), w.project(), topic, alerts, watching);
      long count = count(w, topic);
      long sliding = count;
      for (long c : s.recent()) {
        sliding += c;
      }
      ZonedDateTime slot = w.start().atZone(ctx.zone());
      Verdict v = judge(s, slot, sliding, topic);
      if (v.hot() && !w.start().isBefore(watching.plus(warmup()))) {
        Instant slidingStart = w.end().minus(ctx.streamWindow().multipliedBy(span));
        List<TrendPoint> trend = new ArrayList<>(s.trend());
        trend.add(new TrendPoint(slidingStart, sliding, v.expected()));
        OpenAlert.Hit shown =
            new OpenAlert.Hit(
                slidingStart,
                now,
                config().grade(),
                sliding,
                v.expected(),
                count,
                v.reason(),
                topicsOf(w, topic),
                w.keywords(),
                w.candidates(topic),
                trend,
                List.of());
        OpenAlert.Hit kept =
            new OpenAlert.Hit(
                slidingStart,
                now,
                config().grade(),
                sliding,
                v.expected(),
                0,
                v.reason(),
                Map.of(),
                Map.of(),
                w.candidates(topic),
                s.trend(),
                List.of());
        OpenAlert.Step alert = OpenAlert.hit(config(), w.project(), topic, s.openAlert(), shown);
        OpenAlert.Step stored = OpenAlert.hit(config(), w.project(), topic, s.openAlert(), kept);
        if (alert.alert() != null) {
          alerts.add(alert.alert());
        }
        s = new Series(s.baseline(), s.nextStart(), s.recent(), s.trend(), stored.openAlert());
      }
      next.put(key, s);
    }
    return new RuleOutcome<>(new CountRuleState(watching, next), alerts, wakeAt(next));
  }

  @Override
  public RuleOutcome<CountRuleState> onPost(CountRuleState state, String project, TaggedPost post) {
    return new RuleOutcome<>(state, List.of(), wakeAt(state.series()));
  }

  @Override
  public RuleOutcome<CountRuleState> onTime(CountRuleState state, String project, Instant now) {
    Map<String, Series> next = new TreeMap<>(state.series());
    List<Alert> alerts = new ArrayList<>();
    next.replaceAll(
        (key, s) -> {
          OpenAlert.Step q =
              OpenAlert.quiet(config(), s.openAlert(), now, ctx.resolveAfter(config()));
          if (q.alert() != null) {
            alerts.add(q.alert());
          }
          return new Series(s.baseline(), s.nextStart(), s.recent(), s.trend(), q.openAlert());
        });
    return new RuleOutcome<>(new CountRuleState(state.watchingSince(), next), alerts, wakeAt(next));
  }

  /** Counts the windows between the last one seen and {@code upTo} as empty. */
  private Series fill(
      Series s, Instant upTo, String project, String topic, List<Alert> out, Instant watching) {
    long n = ctx.windowsBetween(s.nextStart(), upTo);
    if (n > MAX_FILL) {
      long skip = n - MAX_FILL;
      Instant to = s.nextStart().plus(ctx.streamWindow().multipliedBy(skip));
      OpenAlert.Step q = OpenAlert.quiet(config(), s.openAlert(), to, ctx.resolveAfter(config()));
      if (q.alert() != null) {
        out.add(q.alert());
      }
      List<Long> zeros = new ArrayList<>();
      for (int i = 0; i < span - 1; i++) {
        zeros.add(0L);
      }
      s = new Series(decay(s.baseline(), skip), to, zeros, s.trend(), q.openAlert());
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
    long sliding = count;
    for (long c : s.recent()) {
      sliding += c;
    }
    ZonedDateTime slot = start.atZone(ctx.zone());
    Verdict v = judge(s, slot, sliding, topic);
    if (v.hot() && start.isBefore(watching.plus(warmup()))) {
      // still learning what is usual: a first busy morning is not a spike
      v = new Verdict(false, v.expected(), null, v.learn());
    }
    Instant slidingStart = end.minus(ctx.streamWindow().multipliedBy(span));
    List<TrendPoint> trend = new ArrayList<>(s.trend());
    trend.add(new TrendPoint(slidingStart, sliding, v.expected()));
    if (trend.size() > Series.TREND_POINTS) {
      trend = trend.subList(trend.size() - Series.TREND_POINTS, trend.size());
    }
    OpenAlert openAlert = s.openAlert();
    if (v.hot()) {
      OpenAlert.Hit h =
          new OpenAlert.Hit(
              slidingStart,
              end,
              config().grade(),
              sliding,
              v.expected(),
              count,
              v.reason(),
              w == null ? Map.of() : topicsOf(w, topic),
              w == null ? Map.of() : w.keywords(),
              w == null ? List.of() : w.candidates(topic),
              trend,
              List.of());
      OpenAlert.Step st = OpenAlert.hit(config(), project, topic, openAlert, h);
      openAlert = st.openAlert();
      if (st.alert() != null) {
        out.add(st.alert());
      }
    } else {
      if (openAlert != null) {
        openAlert = openAlert.gathered(count, trend);
      }
      OpenAlert.Step q = OpenAlert.quiet(config(), openAlert, end, ctx.resolveAfter(config()));
      openAlert = q.openAlert();
      if (q.alert() != null) {
        out.add(q.alert());
      }
    }
    List<Long> recent = new ArrayList<>(s.recent());
    recent.add(count);
    while (recent.size() > span - 1) {
      recent.remove(0);
    }
    return new Series(learn(s.baseline(), slot, v.learn()), end, recent, trend, openAlert);
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
        Instant t = s.openAlert().resolvesAt(ctx.resolveAfter(config()));
        min = min == null || t.isBefore(min) ? t : min;
      }
    }
    return min;
  }

  static String topicPrefix(String topic) {
    return topic == null ? "" : "「" + topic + "」";
  }
}
