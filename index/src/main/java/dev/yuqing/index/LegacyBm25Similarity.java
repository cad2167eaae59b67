package dev.yuqing.index;

import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/**
 * BM25 as Elasticsearch 7 scores it: Lucene's BM25 with every score multiplied by {@code k1 + 1}
 * (Lucene 8's {@code LegacyBM25Similarity}, kept by Elasticsearch 7 for score compatibility). The
 * ranking is the same as plain BM25; the scores, and so the relevance cursors, then match the
 * Elasticsearch backend's.
 */
final class LegacyBm25Similarity extends Similarity {
  private final BM25Similarity bm25 = new BM25Similarity();

  @Override
  public long computeNorm(FieldInvertState state) {
    return bm25.computeNorm(state);
  }

  @Override
  public SimScorer scorer(
      float boost, CollectionStatistics collectionStats, TermStatistics... termStats) {
    return bm25.scorer(boost * (1 + bm25.getK1()), collectionStats, termStats);
  }
}
