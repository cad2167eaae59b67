package dev.yuqing.alerts.rules;

import dev.yuqing.core.Signals;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.config.MobilizationRuleConfig;

/**
 * A call to gather or act together (私下串联). Analysis decides {@code Signals.mobilization} and
 * extracts the time and place as written; a call that names both is graded {@code
 * timeAndPlaceGrade} (critical by default) from that single post.
 */
public final class MobilizationRule extends PostRule<MobilizationRuleConfig> {
  public MobilizationRule(MobilizationRuleConfig cfg, RuleContext ctx) {
    super(cfg, ctx);
  }

  @Override
  Match match(TaggedPost post) {
    Signals s = post.signals();
    if (!s.mobilization()) {
      return null;
    }
    StringBuilder reason = new StringBuilder("业主号召集体行动");
    if (s.mobilizationTime() != null || s.mobilizationPlace() != null) {
      reason.append("（");
      if (s.mobilizationTime() != null) {
        reason.append("时间").append(quote(s.mobilizationTime()));
      }
      if (s.mobilizationPlace() != null) {
        if (s.mobilizationTime() != null) {
          reason.append("，");
        }
        reason.append("地点").append(quote(s.mobilizationPlace()));
      }
      reason.append("）");
    }
    if (s.mobilizationWithTimeAndPlace()) {
      reason.append("；有明确时间和地点的聚集号召，按预案为").append(cfg.timeAndPlaceGrade().level());
      return new Match(cfg.timeAndPlaceGrade(), reason.toString());
    }
    return new Match(cfg.grade(), reason.toString());
  }
}
