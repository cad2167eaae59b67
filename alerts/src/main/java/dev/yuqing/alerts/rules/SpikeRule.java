package dev.yuqing.alerts.rules;

import dev.yuqing.alerts.rules.CountRuleState.Series;
import dev.yuqing.core.config.SpikeRuleConfig;
import java.time.ZonedDateTime;

/**
 * Negative posts in the current window against the seasonal baseline of the project (or of the
 * project and topic). Fires when all three hold: the count reaches the absolute floor {@code
 * minCount}, it is at least {@code ratio} × the baseline, and it lies {@code minZ} standard
 * deviations above it. Stays one alert while the burst goes on (updates at most every {@code
 * realert}), and resolves with a recovery notice once no window has been above threshold for {@code
 * alerts.resolveAfter}.
 *
 * <p>The rule stays silent for the first {@code baselineWindows} windows of a project while it
 * learns, and applies the hour and day factors once it has seen two days.
 *
 * <p>A burst teaches the baseline only up to the threshold, so that a long burst is not quickly
 * taken for the new normal, while a lasting rise still becomes the baseline within a day or so.
 *
 * <p>Usage (what the stream's operator does per project):
 *
 * <pre>{@code
 * SpikeRule rule = new SpikeRule(cfg, RuleContext.of(alertsConfig, streamConfig.window()));
 * CountRuleState s = rule.initialState();              // kept in Flink keyed state
 * RuleOutcome<CountRuleState> e = rule.onWindow(s, summary); // each closed window
 * s = e.state(); e.alerts().forEach(alertService::submit); // timer at e.wakeAt() → onTime
 * }</pre>
 */
public final class SpikeRule extends CountRule<SpikeRuleConfig> {
  private final double alpha;
  private final long warmup;

  public SpikeRule(SpikeRuleConfig cfg, RuleContext ctx) {
    super(cfg, ctx, cfg.window());
    this.alpha = 2.0 / (cfg.baselineWindows() + 1);
    this.warmup = java.time.Duration.ofDays(2).dividedBy(ctx.streamWindow());
  }

  /** A baseline's memory: {@code baselineWindows} stream windows. */
  @Override
  java.time.Duration warmup() {
    return ctx.streamWindow().multipliedBy(cfg.baselineWindows());
  }

  @Override
  boolean perTopic() {
    return cfg.perTopic();
  }

  @Override
  long count(WindowSummary w, String topic) {
    return w.negative(topic);
  }

  @Override
  Verdict judge(Series s, ZonedDateTime slot, long sliding, String topic) {
    SeasonalBaseline b = s.baseline();
    double e = b.expected(slot, cfg.seasonal(), warmup);
    double sd = b.sd(slot, cfg.seasonal(), warmup);
    double z = (sliding - e) / sd;
    boolean hot = sliding >= cfg.minCount() && sliding >= cfg.ratio() * e && z >= cfg.minZ();
    double threshold = Math.max(cfg.minCount(), Math.max(cfg.ratio() * e, e + cfg.minZ() * sd));
    double learn = hot ? Math.min(sliding, threshold) : sliding;
    return new Verdict(hot, e, hot ? reason(sliding, e, z, topic) : null, learn);
  }

  private String reason(long count, double e, double z, String topic) {
    String window = Texts.duration(cfg.window());
    String vs = e < 0.05 ? "平时几乎没有" : "约为基线" + Texts.num(e) + "条的" + Texts.num(count / e) + "倍";
    return topicPrefix(topic)
        + window
        + "内负面帖"
        + count
        + "条，"
        + vs
        + "；触发条件：同一窗口不少于"
        + cfg.minCount()
        + "条、达到基线的"
        + Texts.num(cfg.ratio())
        + "倍、高出基线"
        + Texts.num(cfg.minZ())
        + "个标准差（本窗口 z="
        + Texts.num(z)
        + "）";
  }

  @Override
  SeasonalBaseline learn(SeasonalBaseline b, ZonedDateTime slot, double value) {
    return b.observe(slot, value, alpha, cfg.seasonal(), warmup);
  }

  @Override
  SeasonalBaseline decay(SeasonalBaseline b, long windows) {
    return b.decay(windows, alpha);
  }

  @Override
  SeasonalBaseline newBaseline() {
    return SeasonalBaseline.empty();
  }
}
