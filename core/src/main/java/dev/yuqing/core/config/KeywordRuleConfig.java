package dev.yuqing.core.config;

import dev.yuqing.core.Grade;
import java.time.Duration;
import java.util.List;

/**
 * Critical words: one post containing one of them raises an alert. Matches the words in the post's
 * title and text, and the critical words analysis found ({@code Signals.criticalWords}).
 *
 * @param name rule name
 * @param words the critical words (default {@link #DEFAULT_WORDS})
 * @param exclude phrases that contain a word but mean something else, e.g. 跳楼价 (default {@link
 *     #DEFAULT_EXCLUDE}); a post matches only when a word occurs outside every such phrase
 * @param negativeOnly only negative posts match (default false: a neutral news report of 堵路 still
 *     counts)
 * @param grade starting grade (default critical)
 * @param realert at most one update per incident this often (default 1h)
 * @param resolveAfter quiet time without a matching post before recovery (default 1d: such posts
 *     are sparse, and calls or mentions within a day belong to one incident)
 */
public record KeywordRuleConfig(
    String name,
    List<String> words,
    List<String> exclude,
    Boolean negativeOnly,
    Grade grade,
    Duration realert,
    Duration resolveAfter)
    implements RuleConfig {

  /** Words the plans treat as a crisis on their own: threats to life, blocking roads or doors. */
  public static final List<String> DEFAULT_WORDS =
      List.of("跳楼", "自杀", "轻生", "喝农药", "自焚", "堵路", "堵门", "堵住大门", "打砸", "砸售楼处", "封路", "围堵");

  /** Sales talk, traffic talk (拥堵路段, 堵路上) and warnings that contain a critical word. */
  public static final List<String> DEFAULT_EXCLUDE =
      List.of("跳楼价", "跳楼大甩卖", "跳楼甩卖", "跳楼大减价", "拥堵路", "堵路上", "堵路段", "防止堵路", "避免堵路", "禁止堵路");

  public KeywordRuleConfig {
    name = Check.required("name", name);
    words = words == null ? DEFAULT_WORDS : List.copyOf(words);
    if (words.isEmpty()) {
      throw new IllegalArgumentException("words: at least one word is required");
    }
    for (int i = 0; i < words.size(); i++) {
      Check.required("words[" + i + "]", words.get(i));
    }
    exclude = exclude == null ? DEFAULT_EXCLUDE : List.copyOf(exclude);
    negativeOnly = negativeOnly != null && negativeOnly;
    grade = grade == null ? Grade.CRITICAL : grade;
    realert = Check.positive("realert", realert, Duration.ofHours(1));
    resolveAfter = Check.positive("resolveAfter", resolveAfter, Duration.ofDays(1));
  }
}
