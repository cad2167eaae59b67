package dev.yuqing.index;

import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Topic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.WeakHashMap;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

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

  private static final String[] TERM_FIELDS = {
    PostDocument.PROJECT, PostDocument.SOURCE, PostDocument.AUTHOR, PostDocument.KEYWORD
  };
  private static final int PROJECT = 0;
  private static final int SOURCE = 1;
  private static final int AUTHOR = 2;
  private static final int KEYWORD = 3;
  private static final int TOPICS = Topic.values().length;
  private static final int LABELS = SentimentLabel.values().length;

  /** Global ordinals per top-level reader; weak, and dropped when the reader closes. */
  private static final Map<IndexReader.CacheKey, GlobalOrds[]> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private LuceneAggregator() {}

  static Aggregations aggregate(IndexSearcher searcher, Query query, AggregationRequest r)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    GlobalOrds[] ords = globalOrds(reader);
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
    Counts c =
        searcher.search(
            query,
            new CollectorManager<Counts, Counts>() {
              @Override
              public Counts newCollector() {
                return new Counts(ords, reader, buckets, matchAll);
              }

              @Override
              public Counts reduce(Collection<Counts> all) {
                Counts sum = null;
                for (Counts one : all) {
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
        long n = c.timeline[b * LABELS + l.ordinal()];
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
    for (int g : top(c.authorEngagement, c.counts[AUTHOR], r.top())) {
      engaged.add(
          new Aggregations.AuthorEngagement(
              ords[AUTHOR].term(reader, g), c.counts[AUTHOR][g], c.authorEngagement[g]));
    }
    return new Aggregations(
        c.total,
        timeline,
        sentiments,
        topics,
        buckets(reader, ords[PROJECT], c.counts[PROJECT], r.top()),
        buckets(reader, ords[SOURCE], c.counts[SOURCE], r.top()),
        buckets(reader, ords[AUTHOR], c.counts[AUTHOR], r.top()),
        buckets(reader, ords[KEYWORD], c.counts[KEYWORD], r.top()),
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

  private static GlobalOrds[] globalOrds(IndexReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return build(reader);
    }
    GlobalOrds[] cached = CACHE.get(helper.getKey());
    if (cached == null) {
      cached = build(reader);
      CACHE.put(helper.getKey(), cached);
      helper.addClosedListener(CACHE::remove);
    }
    return cached;
  }

  private static GlobalOrds[] build(IndexReader reader) throws IOException {
    GlobalOrds[] out = new GlobalOrds[TERM_FIELDS.length];
    for (int f = 0; f < TERM_FIELDS.length; f++) {
      out[f] = GlobalOrds.of(reader, TERM_FIELDS[f]);
    }
    return out;
  }

  /** Segment ordinals of one field mapped to ordinals over the whole reader. */
  private static final class GlobalOrds {
    final String field;
    final OrdinalMap map;
    final int valueCount;

    private GlobalOrds(String field, OrdinalMap map, int valueCount) {
      this.field = field;
      this.map = map;
      this.valueCount = valueCount;
    }

    static GlobalOrds of(IndexReader reader, String field) throws IOException {
      List<LeafReaderContext> leaves = reader.leaves();
      if (leaves.size() <= 1) {
        long n =
            leaves.isEmpty()
                ? 0
                : DocValues.getSortedSet(leaves.get(0).reader(), field).getValueCount();
        return new GlobalOrds(field, null, Math.toIntExact(n));
      }
      SortedSetDocValues[] values = new SortedSetDocValues[leaves.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = DocValues.getSortedSet(leaves.get(i).reader(), field);
      }
      OrdinalMap map = OrdinalMap.build(null, values, PackedInts.DEFAULT);
      return new GlobalOrds(field, map, Math.toIntExact(map.getValueCount()));
    }

    /**
     * Per leaf: segment ordinal → global ordinal, unpacked once rather than read from packed ints
     * for every value; null for the identity.
     */
    private volatile int[][] unpacked;

    int[] segmentToGlobal(int leaf, IndexReader reader) throws IOException {
      if (map == null) {
        return null;
      }
      int[][] u = unpacked;
      if (u == null) {
        synchronized (this) {
          u = unpacked;
          if (u == null) {
            List<LeafReaderContext> leaves = reader.leaves();
            u = new int[leaves.size()][];
            for (int i = 0; i < u.length; i++) {
              int n =
                  Math.toIntExact(
                      DocValues.getSortedSet(leaves.get(i).reader(), field).getValueCount());
              LongValues g = map.getGlobalOrds(i);
              int[] a = new int[n];
              for (int ord = 0; ord < n; ord++) {
                a[ord] = (int) g.get(ord);
              }
              u[i] = a;
            }
            unpacked = u;
          }
        }
      }
      return u[leaf];
    }

    String term(IndexReader reader, int global) throws IOException {
      int leaf = map == null ? 0 : map.getFirstSegmentNumber(global);
      long ord = map == null ? global : map.getFirstSegmentOrd(global);
      BytesRef t = DocValues.getSortedSet(reader.leaves().get(leaf).reader(), field).lookupOrd(ord);
      return t.utf8ToString();
    }
  }

  /** The counts of one slice of segments; slices are added up at the end. */
  private static final class Counts implements Collector {
    final GlobalOrds[] ords;
    final IndexReader reader;
    final TimeBuckets.Index buckets;
    final long[] starts;
    final long[] timeline;
    final long[] sentiments = new long[LABELS];
    final long[] topics = new long[TOPICS];
    final long[][] counts;
    final long[] authorEngagement;
    final boolean matchAll;
    long total;

    Counts(GlobalOrds[] ords, IndexReader reader, TimeBuckets.Index buckets, boolean matchAll) {
      this.ords = ords;
      this.matchAll = matchAll;
      this.reader = reader;
      this.buckets = buckets;
      this.starts = buckets.starts();
      this.timeline = new long[starts.length * LABELS];
      this.counts = new long[ords.length][];
      for (int f = 0; f < ords.length; f++) {
        counts[f] = new long[ords[f].valueCount];
      }
      this.authorEngagement = new long[ords[AUTHOR].valueCount];
    }

    void add(Counts o) {
      total += o.total;
      addAll(timeline, o.timeline);
      addAll(sentiments, o.sentiments);
      addAll(topics, o.topics);
      for (int f = 0; f < counts.length; f++) {
        addAll(counts[f], o.counts[f]);
      }
      addAll(authorEngagement, o.authorEngagement);
    }

    private static void addAll(long[] into, long[] from) {
      for (int i = 0; i < into.length; i++) {
        into[i] += from[i];
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext ctx) throws IOException {
      NumericDocValues time = DocValues.getNumeric(ctx.reader(), PostDocument.TIME);
      NumericDocValues engagement = DocValues.getNumeric(ctx.reader(), PostDocument.ENGAGEMENT);
      NumericDocValues sentiment = DocValues.getNumeric(ctx.reader(), PostDocument.SENTIMENT_CODE);
      NumericDocValues topicBits = DocValues.getNumeric(ctx.reader(), PostDocument.TOPIC_BITS);
      // Project, source and author hold one value per post: read through their single-valued view
      // (one call per post instead of three, and call sites that stay monomorphic).
      TermCounter project = counter(ctx, PROJECT);
      TermCounter source = counter(ctx, SOURCE);
      TermCounter author = counter(ctx, AUTHOR);
      int[] keywordMap = ords[KEYWORD].segmentToGlobal(ctx.ord, reader);
      long[] keywordCounts = counts[KEYWORD];
      SortedSetDocValues keywords;
      if (matchAll && ctx.reader().getLiveDocs() == null) {
        // Every document of the segment is collected and none is deleted: a keyword's count is
        // its document frequency in the inverted index (the same distinct values as the doc
        // values). Reading the segment's keyword terms once replaces reading the keywords of
        // every post, which was half of an overview over all posts.
        countKeywordsFromTerms(ctx, keywordMap, keywordCounts);
        keywords = DocValues.emptySortedSet();
      } else {
        keywords = DocValues.getSortedSet(ctx.reader(), TERM_FIELDS[KEYWORD]);
      }
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          total++;
          int s = sentiment.advanceExact(doc) ? (int) sentiment.longValue() : 1;
          sentiments[s]++;
          if (time.advanceExact(doc) && starts.length > 0) {
            timeline[buckets.of(time.longValue()) * LABELS + s]++;
          }
          if (topicBits.advanceExact(doc)) {
            for (long bits = topicBits.longValue(); bits != 0; bits &= bits - 1) {
              topics[Long.numberOfTrailingZeros(bits)]++;
            }
          }
          project.count(doc, 0, null);
          source.count(doc, 0, null);
          if (author.present(doc)) {
            long e = engagement.advanceExact(doc) ? engagement.longValue() : 0;
            author.count(doc, e, authorEngagement);
          }
          if (keywords.advanceExact(doc)) {
            for (int i = keywords.docValueCount(); i > 0; i--) {
              long ord = keywords.nextOrd();
              keywordCounts[keywordMap == null ? (int) ord : keywordMap[(int) ord]]++;
            }
          }
        }
      };
    }

    private static void countKeywordsFromTerms(LeafReaderContext ctx, int[] toGlobal, long[] counts)
        throws IOException {
      Terms terms = ctx.reader().terms(TERM_FIELDS[KEYWORD]);
      if (terms == null) {
        return;
      }
      SortedSetDocValues values = DocValues.getSortedSet(ctx.reader(), TERM_FIELDS[KEYWORD]);
      TermsEnum te = terms.iterator();
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        long ord = values.lookupTerm(t);
        if (ord < 0) {
          throw new IllegalStateException(
              "keyword '" + t.utf8ToString() + "' is indexed but has no doc value");
        }
        counts[toGlobal == null ? (int) ord : toGlobal[(int) ord]] += te.docFreq();
      }
    }

    private TermCounter counter(LeafReaderContext ctx, int field) throws IOException {
      SortedSetDocValues set = DocValues.getSortedSet(ctx.reader(), TERM_FIELDS[field]);
      return new TermCounter(
          set,
          DocValues.unwrapSingleton(set),
          ords[field].segmentToGlobal(ctx.ord, reader),
          counts[field]);
    }
  }

  /**
   * Counts one term field of one segment by global ordinal, through the single-valued view when the
   * segment has at most one value per document, else through the multi-valued one.
   */
  private static final class TermCounter {
    private final SortedSetDocValues set;
    private final SortedDocValues single;
    private final int[] toGlobal;
    private final long[] counts;
    private int positioned = -1;
    private boolean has;

    TermCounter(SortedSetDocValues set, SortedDocValues single, int[] toGlobal, long[] counts) {
      this.set = set;
      this.single = single;
      this.toGlobal = toGlobal;
      this.counts = counts;
    }

    /** Whether {@code doc} has a value; doc ids must not go backwards. */
    boolean present(int doc) throws IOException {
      if (positioned != doc) {
        positioned = doc;
        has = single != null ? single.advanceExact(doc) : set.advanceExact(doc);
      }
      return has;
    }

    /** Counts the values of {@code doc}, adding {@code weight} to {@code sums} when given. */
    void count(int doc, long weight, long[] sums) throws IOException {
      if (!present(doc)) {
        return;
      }
      if (single != null) {
        int ord = single.ordValue();
        int g = toGlobal == null ? ord : toGlobal[ord];
        counts[g]++;
        if (sums != null) {
          sums[g] += weight;
        }
        return;
      }
      for (int i = set.docValueCount(); i > 0; i--) {
        int ord = (int) set.nextOrd();
        int g = toGlobal == null ? ord : toGlobal[ord];
        counts[g]++;
        if (sums != null) {
          sums[g] += weight;
        }
      }
    }
  }
}
