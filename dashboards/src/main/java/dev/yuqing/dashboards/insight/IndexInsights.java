package dev.yuqing.dashboards.insight;

import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Topic;
import dev.yuqing.dashboards.insight.Stats.AuthorStat;
import dev.yuqing.dashboards.insight.Stats.Bucket;
import dev.yuqing.dashboards.insight.Stats.Count;
import dev.yuqing.dashboards.insight.Stats.TopicCount;
import dev.yuqing.index.AggregationRequest;
import dev.yuqing.index.Aggregations;
import dev.yuqing.index.PostIndex;
import dev.yuqing.index.SearchRequest;
import dev.yuqing.index.SearchResult;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Insights from the index's own aggregations ({@link PostIndex#aggregate}): one pass for all posts
 * of the period and one for its negative posts (per-topic and per-author negative counts). Works
 * the same over Lucene and Elasticsearch.
 */
public record IndexInsights(PostIndex index, ZoneId zone) implements Insights {
  /** Length of the keyword, source and author lists. */
  static final int TOP = 20;

  /** Authors looked at to join post counts with engagement. */
  private static final int AUTHORS = 200;

  @Override
  public Optional<Instant> latest(String project) {
    SearchResult r =
        index.search(
            SearchRequest.builder().project(project).sort(SearchRequest.Sort.TIME).size(1).build());
    return r.hits().stream().findFirst().map(h -> h.post().post().eventTime());
  }

  @Override
  public Stats stats(String project, Instant from, Instant to, Granularity granularity) {
    SearchRequest all = SearchRequest.builder().project(project).from(from).to(to).size(0).build();
    AggregationRequest.Interval interval =
        granularity == Granularity.HOUR
            ? AggregationRequest.Interval.HOUR
            : AggregationRequest.Interval.DAY;
    Aggregations a = index.aggregate(new AggregationRequest(all, interval, zone, AUTHORS));
    Aggregations neg =
        index.aggregate(
            new AggregationRequest(
                all.toBuilder().sentiments(SentimentLabel.NEGATIVE).build(),
                interval,
                zone,
                AUTHORS));

    TreeMap<Instant, Bucket> buckets = new TreeMap<>();
    for (Aggregations.TimeBucket b : a.timeline()) {
      buckets.put(
          b.start(),
          new Bucket(
              b.start(),
              b.sentiments().get(SentimentLabel.NEGATIVE),
              b.sentiments().get(SentimentLabel.NEUTRAL),
              b.sentiments().get(SentimentLabel.POSITIVE)));
    }
    if (from != null && to != null) {
      // the index returns non-empty buckets only: charts should show quiet days as zero
      for (Instant b = bucketStart(from, granularity); b.isBefore(to); b = next(b, granularity)) {
        buckets.putIfAbsent(b, new Bucket(b, 0, 0, 0));
      }
    }

    Map<String, Long> negByTopic = counts(neg.topics());
    List<TopicCount> topics = new ArrayList<>();
    for (Aggregations.Bucket t : a.topics()) {
      topics.add(
          new TopicCount(Topic.parse(t.key()), t.count(), negByTopic.getOrDefault(t.key(), 0L)));
    }
    topics.sort(Comparator.comparingLong(TopicCount::count).reversed());

    Map<String, Long> negByAuthor = counts(neg.authors());
    Map<String, Aggregations.AuthorEngagement> engagement = new HashMap<>();
    a.topAuthorsByEngagement().forEach(e -> engagement.put(e.author(), e));
    List<AuthorStat> active = new ArrayList<>();
    for (Aggregations.Bucket b : a.authors().subList(0, Math.min(TOP, a.authors().size()))) {
      Aggregations.AuthorEngagement e = engagement.get(b.key());
      active.add(
          new AuthorStat(
              b.key(),
              b.count(),
              negByAuthor.getOrDefault(b.key(), 0L),
              e == null ? engagementOf(project, from, to, b.key()) : e.engagement()));
    }
    List<AuthorStat> followed = new ArrayList<>();
    for (Aggregations.AuthorEngagement e : a.topAuthorsByEngagement()) {
      if (e.engagement() > 0 && followed.size() < TOP) {
        followed.add(
            new AuthorStat(
                e.author(), e.posts(), negByAuthor.getOrDefault(e.author(), 0L), e.engagement()));
      }
    }
    return new Stats(
        project,
        from,
        to,
        a.total(),
        a.sentiments().get(SentimentLabel.NEGATIVE),
        a.sentiments().get(SentimentLabel.NEUTRAL),
        a.sentiments().get(SentimentLabel.POSITIVE),
        new ArrayList<>(buckets.values()),
        topics,
        top(a.sources()),
        top(a.keywords()),
        active,
        followed);
  }

  /** Engagement of one author's posts, for an author outside the engagement top list. */
  private long engagementOf(String project, Instant from, Instant to, String author) {
    SearchRequest r =
        SearchRequest.builder().project(project).from(from).to(to).author(author).size(0).build();
    return index
        .aggregate(new AggregationRequest(r, AggregationRequest.Interval.DAY, zone, 1))
        .topAuthorsByEngagement()
        .stream()
        .mapToLong(Aggregations.AuthorEngagement::engagement)
        .sum();
  }

  private Instant bucketStart(Instant t, Granularity g) {
    ZonedDateTime z = t.atZone(zone);
    return (g == Granularity.HOUR
            ? z.truncatedTo(ChronoUnit.HOURS)
            : z.truncatedTo(ChronoUnit.DAYS))
        .toInstant();
  }

  private Instant next(Instant start, Granularity g) {
    ZonedDateTime z = start.atZone(zone);
    return (g == Granularity.HOUR ? z.plusHours(1) : z.plusDays(1)).toInstant();
  }

  private static Map<String, Long> counts(List<Aggregations.Bucket> buckets) {
    Map<String, Long> m = new HashMap<>();
    buckets.forEach(b -> m.put(b.key(), b.count()));
    return m;
  }

  private static List<Count> top(List<Aggregations.Bucket> buckets) {
    return buckets.stream().limit(TOP).map(b -> new Count(b.key(), b.count())).toList();
  }
}
