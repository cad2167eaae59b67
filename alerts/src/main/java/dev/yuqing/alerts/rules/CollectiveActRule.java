package dev.yuqing.alerts.rules;

import dev.yuqing.core.Signals;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.config.CollectiveActRuleConfig;

/**
 * A collective act that already happened ({@code Signals.collectiveAct}): homeowners went to the
 * petition office together, blocked a road, sent a joint letter. Not a call to act (the
 * mobilisation rule's) but a report that the conflict has left the forum; the reason quotes the
 * sentence the tagger weighed most.
 */
public final class CollectiveActRule extends PostRule<CollectiveActRuleConfig> {
  public CollectiveActRule(CollectiveActRuleConfig cfg, RuleContext ctx) {
    super(cfg, ctx);
  }

  @Override
  String reasonFor(Match m, int authors) {
    if (cfg.minAuthors() == 1) {
      return m.reason();
    }
    return m.reason()
        + "（"
        + Texts.duration(cfg.window())
        + "内"
        + authors
        + "位作者；触发条件：至少"
        + cfg.minAuthors()
        + "位不同作者）";
  }

  @Override
  Match match(TaggedPost post) {
    Signals s = post.signals();
    if (!s.collectiveAct()) {
      return null;
    }
    Signals.Score score = s.score(Signals.Kind.COLLECTIVE_ACT);
    String said = score == null || score.sentence() == null ? "" : "：" + quote(score.sentence());
    return new Match(cfg.grade(), "业主反映已发生集体行动" + said);
  }
}
