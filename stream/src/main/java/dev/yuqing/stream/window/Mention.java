package dev.yuqing.stream.window;

import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Topic;
import dev.yuqing.stream.Tagged;
import java.util.ArrayList;
import java.util.List;

/**
 * One post counted under one window key: a post of project P with topics T1, T2 and sentiment S is
 * counted under (P, 全部, S), (P, T1, S) and (P, T2, S), so per-project and per-topic rules each see
 * every post once.
 *
 * @param key the window key, see {@link #key}
 * @param project watched project
 * @param topic a topic label, or {@link #ALL_TOPICS}
 * @param sentiment the post's sentiment
 * @param post the post
 */
public record Mention(
    String key, String project, String topic, SentimentLabel sentiment, Tagged post) {

  /** Topic of the per-project windows that count every topic. */
  public static final String ALL_TOPICS = "全部";

  /**
   * A window key as a string. Strings hash the same in every JVM (enums do not), so keyed state is
   * routed the same way on every task manager.
   */
  public static String key(String project, String topic, SentimentLabel sentiment) {
    return project + '\u001f' + topic + '\u001f' + sentiment.json();
  }

  /** Every key a counted post falls under; none for a post that is not counted. */
  public static List<Mention> of(Tagged t) {
    List<Mention> out = new ArrayList<>();
    if (!t.counted()) {
      return out;
    }
    SentimentLabel s = t.post().sentiment().label();
    for (String project : t.post().post().projects()) {
      out.add(new Mention(key(project, ALL_TOPICS, s), project, ALL_TOPICS, s, t));
      for (Topic topic : t.post().topics()) {
        out.add(new Mention(key(project, topic.label(), s), project, topic.label(), s, t));
      }
    }
    return out;
  }
}
