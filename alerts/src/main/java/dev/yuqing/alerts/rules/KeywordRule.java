package dev.yuqing.alerts.rules;

import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.config.KeywordRuleConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Critical words (跳楼, 堵路 …): one post containing one is enough. Words are looked for in title and
 * text outside the excluded phrases (跳楼价 is a price, not a threat), and taken from the critical
 * words analysis reported.
 */
public final class KeywordRule extends PostRule<KeywordRuleConfig> {
  public KeywordRule(KeywordRuleConfig cfg, RuleContext ctx) {
    super(cfg, ctx);
  }

  /** The configured words found in {@code text} outside every excluded phrase, in config order. */
  public List<String> find(String text) {
    String masked = text;
    for (String ex : cfg.exclude()) {
      masked = masked.replace(ex, "\u0000".repeat(ex.length()));
    }
    List<String> found = new ArrayList<>();
    for (String w : cfg.words()) {
      if (masked.contains(w)) {
        found.add(w);
      }
    }
    return found;
  }

  @Override
  Match match(TaggedPost post) {
    if (cfg.negativeOnly() && !post.negative()) {
      return null;
    }
    String text = post.post().fullText();
    Set<String> words = new LinkedHashSet<>(find(text));
    // Analysis reads the text normalised to simplified script: a configured word it found that the
    // raw text does not contain (跳樓) counts too. Its other critical words (冲突, 拉横幅 …) are
    // signals for ranking, not pages: only the configured list raises a critical alert.
    for (String w : post.signals().criticalWords()) {
      if (cfg.words().contains(w) && !text.contains(w)) {
        words.add(w);
      }
    }
    if (words.isEmpty()) {
      return null;
    }
    return new Match(cfg.grade(), "出现紧急词「" + String.join("」「", words) + "」");
  }
}
