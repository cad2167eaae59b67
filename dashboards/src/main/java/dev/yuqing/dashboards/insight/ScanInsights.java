package dev.yuqing.dashboards.insight;

import dev.yuqing.core.Post;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import dev.yuqing.dashboards.insight.Stats.AuthorStat;
import dev.yuqing.dashboards.insight.Stats.Bucket;
import dev.yuqing.dashboards.insight.Stats.Count;
import dev.yuqing.dashboards.insight.Stats.TopicCount;
import dev.yuqing.index.PostIndex;
import dev.yuqing.index.SearchRequest;
import dev.yuqing.index.SearchResult;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Insights computed by reading the period's posts through {@link PostIndex#search} page by page and
 * counting here. Linear in the posts of the period (a few thousand per project and month during
 * handover); the index's own aggregations replace it where they exist.
 */
public final class ScanInsights implements Insights {
  static final int TOP = 20;
  private static final int PAGE = 1000;

  private final PostIndex index;
  private final ZoneId zone;

  public ScanInsights(PostIndex index, ZoneId zone) {
    this.index = index;
    this.zone = zone;
  }

  @Override
  public Optional<Instant> latest(String project) {
    SearchResult r =
        index.search(
            new SearchRequest(
                null,
                project,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                SearchRequest.Sort.TIME,
                1,
                null,
                false));
    return r.hits().stream().findFirst().map(h -> h.post().post().eventTime());
  }

  @Override
  public Stats stats(String project, Instant from, Instant to, Granularity granularity) {
    Counter c = new Counter(from, to, granularity);
    String after = null;
    do {
      SearchResult page =
          index.search(
              new SearchRequest(
                  null,
                  project,
                  from,
                  to,
                  null,
                  null,
                  null,
                  null,
                  null,
                  SearchRequest.Sort.TIME,
                  PAGE,
                  after,
                  false));
      page.hits().forEach(h -> c.add(h.post()));
      after = page.hits().isEmpty() ? null : page.nextCursor();
    } while (after != null);
    return c.stats(project);
  }

  /** Bucket start of an instant. */
  Instant bucketOf(Instant t, Granularity g) {
    ZonedDateTime z = t.atZone(zone);
    return (g == Granularity.HOUR
            ? z.truncatedTo(ChronoUnit.HOURS)
            : z.truncatedTo(ChronoUnit.DAYS))
        .toInstant();
  }

  private Instant nextBucket(Instant start, Granularity g) {
    ZonedDateTime z = start.atZone(zone);
    return (g == Granularity.HOUR ? z.plusHours(1) : z.plusDays(1)).toInstant();
  }

  private final class Counter {
    final Instant from;
    final Instant to;
    final Granularity g;
    long total;
    long negative;
    long neutral;
    long positive;
    final TreeMap<Instant, long[]> buckets = new TreeMap<>();
    final EnumMap<Topic, long[]> topics = new EnumMap<>(Topic.class);
    final Map<String, Long> sources = new HashMap<>();
    final Map<String, Long> keywords = new HashMap<>();
    final Map<String, long[]> authors = new HashMap<>();

    Counter(Instant from, Instant to, Granularity g) {
      this.from = from;
      this.to = to;
      this.g = g;
    }

    void add(TaggedPost t) {
      Post p = t.post();
      int s =
          switch (t.sentiment().label()) {
            case NEGATIVE -> 0;
            case NEUTRAL -> 1;
            case POSITIVE -> 2;
          };
      total++;
      if (s == 0) {
        negative++;
      } else if (s == 1) {
        neutral++;
      } else {
        positive++;
      }
      Instant at = p.eventTime();
      if (at != null) {
        buckets.computeIfAbsent(bucketOf(at, g), k -> new long[3])[s]++;
      }
      for (Topic topic : t.topics()) {
        long[] n = topics.computeIfAbsent(topic, k -> new long[2]);
        n[0]++;
        if (s == 0) {
          n[1]++;
        }
      }
      sources.merge(p.sourceId(), 1L, Long::sum);
      for (String k : t.keywords()) {
        keywords.merge(k, 1L, Long::sum);
      }
      if (p.author() != null && !p.author().isBlank()) {
        long[] a = authors.computeIfAbsent(p.author().strip(), k -> new long[3]);
        a[0]++;
        if (s == 0) {
          a[1]++;
        }
        a[2] += (p.replies() == null ? 0 : p.replies()) + (p.likes() == null ? 0 : p.likes());
      }
    }

    Stats stats(String project) {
      List<Bucket> series = new ArrayList<>();
      if (from != null && to != null) {
        // fill gaps so that charts show quiet days as zero, not as missing
        for (Instant b = bucketOf(from, g); b.isBefore(to); b = nextBucket(b, g)) {
          buckets.computeIfAbsent(b, k -> new long[3]);
        }
      }
      buckets.forEach((start, n) -> series.add(new Bucket(start, n[0], n[1], n[2])));
      List<TopicCount> topicCounts = new ArrayList<>();
      topics.forEach((t, n) -> topicCounts.add(new TopicCount(t, n[0], n[1])));
      topicCounts.sort(Comparator.comparingLong(TopicCount::count).reversed());
      List<AuthorStat> all = new ArrayList<>();
      authors.forEach((name, a) -> all.add(new AuthorStat(name, a[0], a[1], a[2])));
      List<AuthorStat> byPosts = new ArrayList<>(all);
      byPosts.sort(
          Comparator.comparingLong(AuthorStat::posts)
              .thenComparingLong(AuthorStat::engagement)
              .reversed()
              .thenComparing(AuthorStat::name));
      List<AuthorStat> byEngagement = new ArrayList<>(all);
      byEngagement.removeIf(a -> a.engagement() == 0);
      byEngagement.sort(
          Comparator.comparingLong(AuthorStat::engagement)
              .thenComparingLong(AuthorStat::posts)
              .reversed()
              .thenComparing(AuthorStat::name));
      return new Stats(
          project,
          from,
          to,
          total,
          negative,
          neutral,
          positive,
          series,
          topicCounts,
          top(sources),
          top(keywords),
          byPosts.subList(0, Math.min(TOP, byPosts.size())),
          byEngagement.subList(0, Math.min(TOP, byEngagement.size())));
    }

    private List<Count> top(Map<String, Long> m) {
      List<Count> l = new ArrayList<>();
      m.forEach((k, v) -> l.add(new Count(k, v)));
      l.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::name));
      return l.subList(0, Math.min(TOP, l.size()));
    }
  }
}
