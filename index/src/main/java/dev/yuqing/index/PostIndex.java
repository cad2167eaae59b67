package dev.yuqing.index;

import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Tagging;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one index API, used by the stream sink, the dashboards, reports and alerts. Open one with
 * {@link PostIndexes}. Both backends (embedded Lucene, Elasticsearch) give identical results for
 * the same calls: a contract test suite runs against both.
 *
 * <p>Threading: safe for concurrent use by many threads; writes may come from several threads.
 *
 * <p>Visibility and durability: upserted posts become visible to searches within the refresh
 * interval (about a second), and at once after {@link #commit()}. After {@code commit()} returns
 * they survive a crash of the process (and, for Elasticsearch, the client retried until the cluster
 * acknowledged them, or parked them in the dead-letter file).
 *
 * <p>Errors: bad requests throw {@link IllegalArgumentException} naming the field; I/O and cluster
 * failures throw {@link IndexException}.
 */
public interface PostIndex extends Closeable {

  /**
   * Inserts or replaces posts by post id: indexing the same post twice leaves one document, the
   * last one written.
   *
   * @throws UnsupportedOperationException on an index opened read-only
   */
  default void upsert(Collection<TaggedPost> posts) {
    List<Tagging> taggings = new ArrayList<>(posts.size());
    for (TaggedPost p : posts) {
      taggings.add(new Tagging(p, null));
    }
    upsertTagged(taggings);
  }

  /**
   * {@link #upsert} of posts as their tagger gave them: where a tagging carries the words it
   * segmented ({@link Tagging#words()}), the index makes the post's search terms from them instead
   * of segmenting the text again.
   *
   * @throws UnsupportedOperationException on an index opened read-only
   */
  void upsertTagged(Collection<Tagging> posts);

  /** Makes everything upserted so far durable and visible to searches; blocks until it is. */
  void commit();

  /** The post with this id, as last upserted and made visible. */
  Optional<TaggedPost> get(String postId);

  /** Number of documents visible to searches. */
  long count();

  /** Searches with text, filters, sort and search-after paging; see {@link SearchRequest}. */
  SearchResult search(SearchRequest request);

  /** Counts of the posts matching a search's text and filters; see {@link AggregationRequest}. */
  Aggregations aggregate(AggregationRequest request);

  /**
   * Deletes every post matching the search's text and filters (retention: e.g. all posts before a
   * date) and commits. Sort, size and cursor are ignored.
   *
   * @return the number of posts deleted
   * @throws IllegalArgumentException when the request matches everything (a safety catch: close the
   *     index and remove its directory or indices instead)
   */
  long delete(SearchRequest matching);

  /** Number of documents and size on disk. */
  IndexStats stats();

  /** Commits what was upserted (read-write indices) and releases files, threads and connections. */
  @Override
  void close();
}
