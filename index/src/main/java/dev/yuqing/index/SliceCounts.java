package dev.yuqing.index;

import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Topic;
import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;

/**
 * The counts of one slice of segments, collected in one pass over the matching documents' doc
 * values; {@link LuceneAggregator} adds the slices up at the end.
 */
final class SliceCounts implements Collector {
  static final int TOPICS = Topic.values().length;
  static final int LABELS = SentimentLabel.values().length;

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

  SliceCounts(GlobalOrds[] ords, IndexReader reader, TimeBuckets.Index buckets, boolean matchAll) {
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
    this.authorEngagement = new long[ords[GlobalOrds.AUTHOR].valueCount];
  }

  void add(SliceCounts o) {
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
    TermCounter project = counter(ctx, GlobalOrds.PROJECT);
    TermCounter source = counter(ctx, GlobalOrds.SOURCE);
    TermCounter author = counter(ctx, GlobalOrds.AUTHOR);
    int[] keywordMap = ords[GlobalOrds.KEYWORD].segmentToGlobal(ctx.ord, reader);
    long[] keywordCounts = counts[GlobalOrds.KEYWORD];
    SortedSetDocValues keywords;
    if (matchAll && ctx.reader().getLiveDocs() == null) {
      // Every document of the segment is collected and none is deleted: a keyword's count is
      // its document frequency in the inverted index (the same distinct values as the doc
      // values). Reading the segment's keyword terms once replaces reading the keywords of
      // every post, which was half of an overview over all posts.
      countKeywordsFromTerms(ctx, keywordMap, keywordCounts);
      keywords = DocValues.emptySortedSet();
    } else {
      keywords = DocValues.getSortedSet(ctx.reader(), GlobalOrds.TERM_FIELDS[GlobalOrds.KEYWORD]);
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
    Terms terms = ctx.reader().terms(GlobalOrds.TERM_FIELDS[GlobalOrds.KEYWORD]);
    if (terms == null) {
      return;
    }
    SortedSetDocValues values =
        DocValues.getSortedSet(ctx.reader(), GlobalOrds.TERM_FIELDS[GlobalOrds.KEYWORD]);
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
    SortedSetDocValues set = DocValues.getSortedSet(ctx.reader(), GlobalOrds.TERM_FIELDS[field]);
    return new TermCounter(
        set,
        DocValues.unwrapSingleton(set),
        ords[field].segmentToGlobal(ctx.ord, reader),
        counts[field]);
  }

  /**
   * Counts one term field of one segment by global ordinal, through the single-valued view when the
   * segment has at most one value per document, else through the multi-valued one.
   */
  static final class TermCounter {
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
