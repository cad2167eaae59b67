package dev.yuqing.dashboards.report;

import dev.yuqing.core.Alert;
import dev.yuqing.core.Topic;
import dev.yuqing.dashboards.AlertChange;
import dev.yuqing.dashboards.insight.Stats;
import java.time.Instant;
import java.util.List;

/**
 * Everything a daily or weekly report says, gathered once and rendered as HTML or PDF.
 *
 * @param project the project
 * @param period the days covered
 * @param generatedAt when the report was made
 * @param current counts over the period
 * @param previous counts over the period before, for the changes
 * @param topics the topic table, most posts first
 * @param topNegative the most engaged negative posts
 * @param alerts alerts raised in the period, oldest first, each with its history
 * @param media posts where journalists, TV or exposure are involved
 * @param mediaTotal number of such posts (the list may be cut)
 */
public record Report(
    String project,
    ReportPeriod period,
    Instant generatedAt,
    Stats current,
    Stats previous,
    List<TopicRow> topics,
    List<PostItem> topNegative,
    List<AlertItem> alerts,
    List<PostItem> media,
    long mediaTotal) {

  public Report {
    topics = List.copyOf(topics);
    topNegative = List.copyOf(topNegative);
    alerts = List.copyOf(alerts);
    media = List.copyOf(media);
  }

  /**
   * One row of the topic table.
   *
   * @param topic the topic
   * @param count posts in the period
   * @param previous posts in the period before
   * @param negative negative posts in the period
   */
  public record TopicRow(Topic topic, long count, long previous, long negative) {
    public long change() {
      return count - previous;
    }
  }

  /**
   * A post as the report quotes it.
   *
   * @param id post id
   * @param title title, or null
   * @param excerpt the first words of the text
   * @param url link to the original, or null
   * @param author author, or null
   * @param source source id
   * @param at event time
   * @param engagement replies plus likes
   * @param sentiment 负面 / 中性 / 正面
   */
  public record PostItem(
      String id,
      String title,
      String excerpt,
      String url,
      String author,
      String source,
      Instant at,
      long engagement,
      String sentiment) {}

  /**
   * An alert raised in the period and how it was handled.
   *
   * @param alert the alert as it stands now
   * @param history its changes, oldest first
   */
  public record AlertItem(Alert alert, List<AlertChange> history) {
    public AlertItem {
      history = List.copyOf(history);
    }
  }
}
