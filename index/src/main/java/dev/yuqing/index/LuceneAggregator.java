package dev.yuqing.index;

import dev.yuqing.core.SentimentLabel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;

/**
 * Computes {@link Aggregations} over a Lucene index in one pass over the matching documents' doc
 * values. Counts are kept per segment by ordinal (cheap) and resolved to terms once per segment.
 */
final class LuceneAggregator {
  private LuceneAggregator() {}

  static Aggregations aggregate(IndexSearcher searcher, Query query, AggregationRequest r)
      throws IOException {
    Collector c =
        searcher.search(
            query,
            new CollectorManager<Collector, Collector>() {
              @Override
              public Collector newCollector() {
                return new Collector(new TimeBuckets(r.interval(), r.zone()));
              }

              @Override
              public Collector reduce(Collection<Collector> collectors) throws IOException {
                Collector all = null;
                for (Collector one : collectors) {
                  one.finishLeaf();
                  if (all == null) {
                    all = one;
                  } else {
                    all.merge(one);
                  }
                }
                return all;
              }
            });
    List<Aggregations.TimeBucket> timeline = new ArrayList<>();
    for (Map.Entry<Long, long[]> e : c.timeline.entrySet()) {
      Map<SentimentLabel, Long> bySentiment = new EnumMap<>(SentimentLabel.class);
      long total = 0;
      for (SentimentLabel l : SentimentLabel.values()) {
        bySentiment.put(l, e.getValue()[l.ordinal()]);
        total += e.getValue()[l.ordinal()];
      }
      timeline.add(
          new Aggregations.TimeBucket(Instant.ofEpochMilli(e.getKey()), total, bySentiment));
    }
    Map<SentimentLabel, Long> sentiments = new EnumMap<>(SentimentLabel.class);
    for (Map.Entry<String, Long> e : c.sentiment.counts.entrySet()) {
      sentiments.put(SentimentLabel.parse(e.getKey()), e.getValue());
    }
    List<Aggregations.AuthorEngagement> engaged = new ArrayList<>();
    for (Map.Entry<String, Long> e : c.author.sums.entrySet()) {
      engaged.add(
          new Aggregations.AuthorEngagement(
              e.getKey(), c.author.counts.get(e.getKey()), e.getValue()));
    }
    engaged.sort(
        Comparator.comparingLong(Aggregations.AuthorEngagement::engagement)
            .reversed()
            .thenComparing(Aggregations.AuthorEngagement::author, LuceneAggregator::byteOrder));
    return new Aggregations(
        c.total,
        timeline,
        sentiments,
        c.topic.top(Integer.MAX_VALUE),
        c.project.top(r.top()),
        c.source.top(r.top()),
        c.author.top(r.top()),
        c.keyword.top(r.top()),
        engaged.subList(0, Math.min(r.top(), engaged.size())));
  }

  /** Order of keys in UTF-8 bytes, as Lucene terms and Elasticsearch's {@code _key} order them. */
  static int byteOrder(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** Counts (and optionally sums engagement) per term of one multi-valued keyword field. */
  private static final class TermCounts {
    final String field;
    final boolean sumEngagement;
    final Map<String, Long> counts = new HashMap<>();
    final Map<String, Long> sums = new HashMap<>();
    SortedSetDocValues values;
    long[] leafCounts;
    long[] leafSums;

    TermCounts(String field, boolean sumEngagement) {
      this.field = field;
      this.sumEngagement = sumEngagement;
    }

    void startLeaf(LeafReaderContext ctx) throws IOException {
      values = DocValues.getSortedSet(ctx.reader(), field);
      int n = (int) Math.min(Integer.MAX_VALUE - 8, values.getValueCount());
      leafCounts = new long[n];
      leafSums = sumEngagement ? new long[n] : null;
    }

    void collect(int doc, long engagement) throws IOException {
      if (values.advanceExact(doc)) {
        for (int i = 0; i < values.docValueCount(); i++) {
          int ord = (int) values.nextOrd();
          leafCounts[ord]++;
          if (leafSums != null) {
            leafSums[ord] += engagement;
          }
        }
      }
    }

    void finishLeaf() throws IOException {
      if (leafCounts == null) {
        return;
      }
      for (int ord = 0; ord < leafCounts.length; ord++) {
        if (leafCounts[ord] > 0) {
          BytesRef term = values.lookupOrd(ord);
          String key = term.utf8ToString();
          counts.merge(key, leafCounts[ord], Long::sum);
          if (leafSums != null) {
            sums.merge(key, leafSums[ord], Long::sum);
          }
        }
      }
      leafCounts = null;
      leafSums = null;
    }

    void merge(TermCounts o) {
      o.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
      o.sums.forEach((k, v) -> sums.merge(k, v, Long::sum));
    }

    List<Aggregations.Bucket> top(int n) {
      List<Aggregations.Bucket> buckets = new ArrayList<>();
      counts.forEach((k, v) -> buckets.add(new Aggregations.Bucket(k, v)));
      buckets.sort(
          Comparator.comparingLong(Aggregations.Bucket::count)
              .reversed()
              .thenComparing(Aggregations.Bucket::key, LuceneAggregator::byteOrder));
      return buckets.subList(0, Math.min(n, buckets.size()));
    }
  }

  private static final class Collector extends SimpleCollector {
    final TimeBuckets buckets;
    final TreeMap<Long, long[]> timeline = new TreeMap<>();
    final TermCounts sentiment = new TermCounts(PostDocument.SENTIMENT, false);
    final TermCounts topic = new TermCounts(PostDocument.TOPIC, false);
    final TermCounts project = new TermCounts(PostDocument.PROJECT, false);
    final TermCounts source = new TermCounts(PostDocument.SOURCE, false);
    final TermCounts author = new TermCounts(PostDocument.AUTHOR, true);
    final TermCounts keyword = new TermCounts(PostDocument.KEYWORD, false);
    final TermCounts[] all = {sentiment, topic, project, source, author, keyword};
    long total;
    NumericDocValues time;
    NumericDocValues engagement;
    SortedSetDocValues sentimentOnly;
    int[] sentimentOrdToLabel;

    Collector(TimeBuckets buckets) {
      this.buckets = buckets;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext ctx) throws IOException {
      finishLeaf();
      for (TermCounts t : all) {
        t.startLeaf(ctx);
      }
      time = DocValues.getNumeric(ctx.reader(), PostDocument.TIME);
      engagement = DocValues.getNumeric(ctx.reader(), PostDocument.ENGAGEMENT);
      // a second iterator over the sentiment values, for the time × sentiment buckets
      sentimentOnly = DocValues.getSortedSet(ctx.reader(), PostDocument.SENTIMENT);
      sentimentOrdToLabel = new int[(int) sentimentOnly.getValueCount()];
      for (int ord = 0; ord < sentimentOrdToLabel.length; ord++) {
        sentimentOrdToLabel[ord] =
            SentimentLabel.parse(sentimentOnly.lookupOrd(ord).utf8ToString()).ordinal();
      }
    }

    void finishLeaf() throws IOException {
      for (TermCounts t : all) {
        t.finishLeaf();
      }
    }

    /** Adds another slice's counts (both finished). */
    void merge(Collector o) {
      total += o.total;
      o.timeline.forEach(
          (k, v) -> {
            long[] mine = timeline.computeIfAbsent(k, x -> new long[3]);
            for (int i = 0; i < 3; i++) {
              mine[i] += v[i];
            }
          });
      for (int i = 0; i < all.length; i++) {
        all[i].merge(o.all[i]);
      }
    }

    @Override
    public void collect(int doc) throws IOException {
      total++;
      long e = engagement.advanceExact(doc) ? engagement.longValue() : 0;
      for (TermCounts t : all) {
        t.collect(doc, e);
      }
      long t = time.advanceExact(doc) ? time.longValue() : 0;
      if (sentimentOnly.advanceExact(doc)) {
        int label = sentimentOrdToLabel[(int) sentimentOnly.nextOrd()];
        timeline.computeIfAbsent(buckets.start(t), k -> new long[3])[label]++;
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
