package dev.yuqing.alerts.rules;

import dev.yuqing.core.Signals;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.config.MediaRuleConfig;

/**
 * Journalists, TV, exposure, 热搜 ({@code Signals.media}) or government bodies ({@code
 * Signals.government}) getting involved, once posts of {@code minAuthors} distinct authors say so
 * within {@code window}.
 */
public final class MediaRule extends PostRule<MediaRuleConfig> {
  public MediaRule(MediaRuleConfig cfg, RuleContext ctx) {
    super(cfg, ctx);
  }

  @Override
  Match match(TaggedPost post) {
    if (cfg.negativeOnly() && !post.negative()) {
      return null;
    }
    Signals s = post.signals();
    boolean media = cfg.media() && s.media();
    boolean gov = cfg.government() && s.government();
    if (!media && !gov) {
      return null;
    }
    String what = media && gov ? "媒体和政府部门" : media ? "媒体" : "政府部门";
    return new Match(cfg.grade(), what);
  }

  @Override
  String reasonFor(Match m, int authors) {
    String who = m.reason();
    String detail = who.contains("媒体") ? "记者、电视台、曝光或热搜" : "住建局、12345、信访等";
    return who
        + "介入："
        + authors
        + "位作者的帖子提到"
        + detail
        + "；触发条件："
        + Texts.duration(cfg.window())
        + "内至少"
        + cfg.minAuthors()
        + "位不同作者";
  }
}
