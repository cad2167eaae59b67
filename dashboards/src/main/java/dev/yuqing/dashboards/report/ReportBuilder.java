package dev.yuqing.dashboards.report;

import dev.yuqing.core.Alert;
import dev.yuqing.core.Post;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import dev.yuqing.dashboards.AlertInbox;
import dev.yuqing.dashboards.insight.Insights;
import dev.yuqing.dashboards.insight.Insights.Granularity;
import dev.yuqing.dashboards.insight.Stats;
import dev.yuqing.dashboards.report.Report.AlertItem;
import dev.yuqing.dashboards.report.Report.PostItem;
import dev.yuqing.dashboards.report.Report.TopicRow;
import dev.yuqing.index.PostIndex;
import dev.yuqing.index.SearchRequest;
import dev.yuqing.index.SearchResult;
import dev.yuqing.index.SignalKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Gathers a report's contents from the index and the alert store. Thread-safe. */
public record ReportBuilder(PostIndex index, Insights insights, AlertInbox alerts, Clock clock) {
  static final int TOP_NEGATIVE = 10;
  static final int MEDIA = 10;
  private static final int ALERT_SCAN = 1000;

  public Report build(String project, ReportPeriod period) {
    Stats current = insights.stats(project, period.start(), period.end(), Granularity.DAY);
    ReportPeriod before = period.previous();
    Stats previous = insights.stats(project, before.start(), before.end(), Granularity.DAY);
    return new Report(
        project,
        period,
        clock.instant(),
        current,
        previous,
        topics(current, previous),
        posts(search(project, period, Set.of(SentimentLabel.NEGATIVE), Set.of(), TOP_NEGATIVE)),
        alerts(project, period),
        posts(search(project, period, Set.of(), Set.of(SignalKind.MEDIA), MEDIA)),
        search(project, period, Set.of(), Set.of(SignalKind.MEDIA), 0).total());
  }

  static List<TopicRow> topics(Stats current, Stats previous) {
    Map<Topic, long[]> rows = new EnumMap<>(Topic.class);
    current.topics().forEach(t -> rows.computeIfAbsent(t.topic(), k -> new long[3])[0] = t.count());
    current.topics().forEach(t -> rows.get(t.topic())[2] = t.negative());
    previous
        .topics()
        .forEach(t -> rows.computeIfAbsent(t.topic(), k -> new long[3])[1] = t.count());
    List<TopicRow> out = new ArrayList<>();
    rows.forEach((t, n) -> out.add(new TopicRow(t, n[0], n[1], n[2])));
    out.sort(
        Comparator.comparingLong(TopicRow::count)
            .thenComparingLong(TopicRow::previous)
            .reversed()
            .thenComparing(TopicRow::topic));
    return out;
  }

  private SearchResult search(
      String project, ReportPeriod p, Set<SentimentLabel> s, Set<SignalKind> signals, int size) {
    return index.search(
        SearchRequest.builder()
            .project(project)
            .from(p.start())
            .to(p.end())
            .sentiments(s)
            .signals(signals)
            .sort(SearchRequest.Sort.ENGAGEMENT)
            .size(size)
            .build());
  }

  private static List<PostItem> posts(SearchResult r) {
    List<PostItem> out = new ArrayList<>();
    for (SearchResult.Hit h : r.hits()) {
      TaggedPost t = h.post();
      Post p = t.post();
      long engagement =
          (p.replies() == null ? 0L : p.replies()) + (p.likes() == null ? 0L : p.likes());
      out.add(
          new PostItem(
              p.id(),
              p.title(),
              excerpt(p.text(), 120),
              p.url(),
              p.author(),
              p.sourceId(),
              p.eventTime(),
              engagement,
              t.sentiment().label().chinese()));
    }
    return out;
  }

  private List<AlertItem> alerts(String project, ReportPeriod p) {
    List<AlertItem> out = new ArrayList<>();
    for (Alert a : alerts.list(project, Set.of(), ALERT_SCAN)) {
      Instant at = a.firstAt();
      if (at != null && !at.isBefore(p.start()) && at.isBefore(p.end())) {
        out.add(new AlertItem(a, alerts.history(a.id())));
      }
    }
    out.sort(Comparator.comparing(i -> i.alert().firstAt()));
    return out;
  }

  static String excerpt(String text, int max) {
    String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return t.length() <= max ? t : t.substring(0, max) + "…";
  }
}
