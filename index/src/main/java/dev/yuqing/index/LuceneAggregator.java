package dev.yuqing.index;

import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Topic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Computes {@link Aggregations} over a Lucene index in one pass over the matching documents' doc
 * values, in parallel over the searcher's slices.
 *
 * <p>Terms are counted by global ordinal (an {@link OrdinalMap} per field, built once per reader
 * and cached until the reader is closed), so no term is looked up until the top buckets are known;
 * global ordinals follow term byte order, which is also the tie-break order of Elasticsearch's
 * {@code _key}. Sentiment and topics are read from numeric codes; time buckets are found by binary
 * search among precomputed bucket starts.
 */
final class LuceneAggregator {
  /** More time buckets than this is a mistake (hours over decades). */
  static final int MAX_BUCKETS = 1_000_000;

  private LuceneAggregator() {}

  static Aggregations aggregate(IndexSearcher searcher, Query query, AggregationRequest r)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    GlobalOrds[] ords = GlobalOrds.of(reader);
    byte[] min = PointValues.getMinPackedValue(reader, PostDocument.TIME);
    byte[] max = PointValues.getMaxPackedValue(reader, PostDocument.TIME);
    // buckets from the first to the last matching instant: the index's, narrowed by the request
    long lo = min == null ? 0 : LongPoint.decodeDimension(min, 0);
    long hi = max == null ? -1 : LongPoint.decodeDimension(max, 0);
    if (r.filter().from() != null) {
      lo = Math.max(lo, r.filter().from().toEpochMilli());
    }
    if (r.filter().to() != null) {
      hi = Math.min(hi, r.filter().to().toEpochMilli() - 1);
    }
    TimeBuckets.Index buckets =
        min == null || lo > hi
            ? TimeBuckets.Index.EMPTY
            : TimeBuckets.index(lo, hi, r.interval(), r.zone(), MAX_BUCKETS);
    long[] starts = buckets.starts();
    boolean matchAll = matchesAll(query);
    SliceCounts c =
        searcher.search(
            query,
            new CollectorManager<SliceCounts, SliceCounts>() {
              @Override
              public SliceCounts newCollector() {
                return new SliceCounts(ords, reader, buckets, matchAll);
              }

              @Override
              public SliceCounts reduce(Collection<SliceCounts> all) {
                SliceCounts sum = null;
                for (SliceCounts one : all) {
                  if (sum == null) {
                    sum = one;
                  } else {
                    sum.add(one);
                  }
                }
                return sum;
              }
            });

    List<Aggregations.TimeBucket> timeline = new ArrayList<>();
    for (int b = 0; b < starts.length; b++) {
      long total = 0;
      Map<SentimentLabel, Long> by = new EnumMap<>(SentimentLabel.class);
      for (SentimentLabel l : SentimentLabel.values()) {
        long n = c.timeline[b * SliceCounts.LABELS + l.ordinal()];
        by.put(l, n);
        total += n;
      }
      if (total > 0) {
        timeline.add(new Aggregations.TimeBucket(Instant.ofEpochMilli(starts[b]), total, by));
      }
    }
    Map<SentimentLabel, Long> sentiments = new EnumMap<>(SentimentLabel.class);
    for (SentimentLabel l : SentimentLabel.values()) {
      sentiments.put(l, c.sentiments[l.ordinal()]);
    }
    List<Aggregations.Bucket> topics = new ArrayList<>();
    for (Topic t : Topic.values()) {
      if (c.topics[t.ordinal()] > 0) {
        topics.add(new Aggregations.Bucket(t.label(), c.topics[t.ordinal()]));
      }
    }
    topics.sort(
        Comparator.comparingLong(Aggregations.Bucket::count)
            .reversed()
            .thenComparing(Aggregations.Bucket::key, LuceneAggregator::byteOrder));
    List<Aggregations.AuthorEngagement> engaged = new ArrayList<>();
    for (int g : top(c.authorEngagement, c.counts[GlobalOrds.AUTHOR], r.top())) {
      engaged.add(
          new Aggregations.AuthorEngagement(
              ords[GlobalOrds.AUTHOR].term(reader, g),
              c.counts[GlobalOrds.AUTHOR][g],
              c.authorEngagement[g]));
    }
    return new Aggregations(
        c.total,
        timeline,
        sentiments,
        topics,
        buckets(reader, ords[GlobalOrds.PROJECT], c.counts[GlobalOrds.PROJECT], r.top()),
        buckets(reader, ords[GlobalOrds.SOURCE], c.counts[GlobalOrds.SOURCE], r.top()),
        buckets(reader, ords[GlobalOrds.AUTHOR], c.counts[GlobalOrds.AUTHOR], r.top()),
        buckets(reader, ords[GlobalOrds.KEYWORD], c.counts[GlobalOrds.KEYWORD], r.top()),
        engaged);
  }

  /** Whether the query is match-all (a boolean query of match-all filters, as an empty request). */
  static boolean matchesAll(Query q) {
    if (q instanceof MatchAllDocsQuery) {
      return true;
    }
    if (q instanceof ConstantScoreQuery c) {
      return matchesAll(c.getQuery());
    }
    if (q instanceof BooleanQuery b && !b.clauses().isEmpty()) {
      for (BooleanClause c : b.clauses()) {
        if (c.isProhibited()
            || c.getOccur() == BooleanClause.Occur.SHOULD
            || !matchesAll(c.getQuery())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static List<Aggregations.Bucket> buckets(
      IndexReader reader, GlobalOrds ords, long[] counts, int n) throws IOException {
    List<Aggregations.Bucket> out = new ArrayList<>();
    for (int g : top(counts, counts, n)) {
      out.add(new Aggregations.Bucket(ords.term(reader, g), counts[g]));
    }
    return out;
  }

  /**
   * The ordinals of the {@code n} largest values (among ordinals with a positive count), largest
   * first, ties by lower ordinal (= term byte order) first.
   */
  static int[] top(long[] values, long[] counts, int n) {
    PriorityQueue<Integer> heap =
        new PriorityQueue<>(
            (a, b) -> values[a] != values[b] ? Long.compare(values[a], values[b]) : b - a);
    for (int g = 0; g < values.length; g++) {
      if (counts[g] <= 0) {
        continue;
      }
      if (heap.size() < n) {
        heap.add(g);
      } else {
        int worst = heap.peek();
        if (values[g] > values[worst] || (values[g] == values[worst] && g < worst)) {
          heap.poll();
          heap.add(g);
        }
      }
    }
    int[] out = new int[heap.size()];
    for (int i = out.length - 1; i >= 0; i--) {
      out[i] = heap.poll();
    }
    return out;
  }

  /** Order of keys in UTF-8 bytes, as Lucene terms and Elasticsearch's {@code _key} order them. */
  static int byteOrder(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
