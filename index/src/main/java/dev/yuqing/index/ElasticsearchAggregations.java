package dev.yuqing.index;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import dev.yuqing.core.SentimentLabel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link AggregationRequest} as Elasticsearch aggregations, and their answer as {@link
 * Aggregations}: the same buckets, in the same order, as the Lucene backend counts.
 */
final class ElasticsearchAggregations {
  private ElasticsearchAggregations() {}

  /** The named aggregations of a request (its filters go into the search's query). */
  static Map<String, Aggregation> of(AggregationRequest r) {
    // Terms are counted per monthly index, and each index reports its top shardSize terms: counts
    // are exact while an index holds fewer distinct values than that.
    int shardSize = Math.max(20 * r.top(), 10_000);
    Map<String, Aggregation> aggs = new LinkedHashMap<>();
    Aggregation bySentiment = terms(PostDocument.SENTIMENT, 3, 10);
    aggs.put(
        "timeline",
        Aggregation.of(
            a ->
                a.dateHistogram(
                        d ->
                            d.field(PostDocument.TIME)
                                .calendarInterval(
                                    switch (r.interval()) {
                                      case HOUR -> CalendarInterval.Hour;
                                      case DAY -> CalendarInterval.Day;
                                      case WEEK -> CalendarInterval.Week;
                                    })
                                .timeZone(r.zone().getId())
                                .minDocCount(1))
                    .aggregations("sentiment", bySentiment)));
    aggs.put("sentiment", bySentiment);
    aggs.put("topic", terms(PostDocument.TOPIC, 100, 100));
    aggs.put("project", terms(PostDocument.PROJECT, r.top(), shardSize));
    aggs.put("source", terms(PostDocument.SOURCE, r.top(), shardSize));
    aggs.put("author", terms(PostDocument.AUTHOR, r.top(), shardSize));
    aggs.put("keyword", terms(PostDocument.KEYWORD, r.top(), shardSize));
    aggs.put(
        "engaged",
        Aggregation.of(
            a ->
                a.terms(
                        t ->
                            t.field(PostDocument.AUTHOR)
                                .size(r.top())
                                .shardSize(shardSize)
                                .order(byDesc("engagement")))
                    .aggregations(
                        "engagement", x -> x.sum(s -> s.field(PostDocument.ENGAGEMENT)))));
    return aggs;
  }

  /** The answer of a search made with {@link #of}. */
  static Aggregations read(SearchResponse<Void> resp) {
    Map<String, Aggregate> a = resp.aggregations();
    List<Aggregations.TimeBucket> timeline = new ArrayList<>();
    if (a.get("timeline") != null) {
      for (DateHistogramBucket b : a.get("timeline").dateHistogram().buckets().array()) {
        timeline.add(
            new Aggregations.TimeBucket(
                Instant.ofEpochMilli(b.key()),
                b.docCount(),
                sentiments(b.aggregations().get("sentiment"))));
      }
    }
    List<Aggregations.AuthorEngagement> engaged = new ArrayList<>();
    if (a.get("engaged") != null) {
      for (StringTermsBucket b : a.get("engaged").sterms().buckets().array()) {
        engaged.add(
            new Aggregations.AuthorEngagement(
                b.key().stringValue(),
                b.docCount(),
                Math.round(b.aggregations().get("engagement").sum().value())));
      }
    }
    long total = resp.hits().total() == null ? 0 : resp.hits().total().value();
    return new Aggregations(
        total,
        timeline,
        sentiments(a.get("sentiment")),
        buckets(a.get("topic")),
        buckets(a.get("project")),
        buckets(a.get("source")),
        buckets(a.get("author")),
        buckets(a.get("keyword")),
        engaged);
  }

  private static Aggregation terms(String field, int size, int shardSize) {
    return Aggregation.of(
        a -> a.terms(t -> t.field(field).size(size).shardSize(shardSize).order(byDesc("_count"))));
  }

  /** Buckets by {@code key} descending, ties by term. */
  private static List<NamedValue<SortOrder>> byDesc(String key) {
    return List.of(NamedValue.of(key, SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc));
  }

  private static List<Aggregations.Bucket> buckets(Aggregate a) {
    List<Aggregations.Bucket> out = new ArrayList<>();
    if (a == null || !a.isSterms()) {
      return out;
    }
    for (StringTermsBucket b : a.sterms().buckets().array()) {
      out.add(new Aggregations.Bucket(b.key().stringValue(), b.docCount()));
    }
    return out;
  }

  private static Map<SentimentLabel, Long> sentiments(Aggregate a) {
    Map<SentimentLabel, Long> m = new EnumMap<>(SentimentLabel.class);
    for (Aggregations.Bucket b : buckets(a)) {
      m.put(SentimentLabel.parse(b.key()), b.count());
    }
    return m;
  }
}
