package dev.yuqing.alerts.rules;

import dev.yuqing.alerts.rules.CountRuleState.Series;
import dev.yuqing.core.config.ThresholdRuleConfig;
import java.time.ZonedDateTime;

/**
 * A fixed number of posts (negative ones by default) within a sliding window of one or more stream
 * windows, e.g. 20 negative posts in a day. No baseline: the count speaks for itself.
 */
public final class ThresholdRule extends CountRule<ThresholdRuleConfig> {

  public ThresholdRule(ThresholdRuleConfig cfg, RuleContext ctx) {
    super(cfg, ctx, cfg.window());
  }

  @Override
  boolean perTopic() {
    return cfg.perTopic();
  }

  @Override
  long count(WindowSummary w, String topic) {
    return cfg.negativeOnly() ? w.negative(topic) : w.total(topic);
  }

  @Override
  Verdict judge(Series s, ZonedDateTime slot, long sliding, String topic) {
    boolean hot = sliding >= cfg.count();
    String what = cfg.negativeOnly() ? "负面帖" : "帖子";
    String reason =
        hot
            ? topicPrefix(topic)
                + Texts.duration(cfg.window())
                + "内"
                + what
                + sliding
                + "条，达到阈值"
                + cfg.count()
                + "条"
            : null;
    return new Verdict(hot, Double.NaN, reason, sliding);
  }

  @Override
  SeasonalBaseline learn(SeasonalBaseline b, ZonedDateTime slot, double value) {
    return null;
  }

  @Override
  SeasonalBaseline decay(SeasonalBaseline b, long windows) {
    return null;
  }

  @Override
  SeasonalBaseline newBaseline() {
    return null;
  }
}
