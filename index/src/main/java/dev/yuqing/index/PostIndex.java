package dev.yuqing.index;

import dev.yuqing.core.TaggedPost;
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
    // one write path per backend: the posts are prepared here, a batch at a time
    List<Prepared> prepared = new ArrayList<>(posts.size());
    for (TaggedPost p : posts) {
      prepared.add(prepare(p));
    }
    upsertPrepared(prepared);
  }

  /**
   * A post made ready to write by {@link #prepare}: its search terms and its stored form, the same
   * for both backends.
   */
  final class Prepared {
    final TaggedPost post;
    final PostDocument document;

    private Prepared(TaggedPost post, PostDocument document) {
      this.post = post;
      this.document = document;
    }

    /** The post's id. */
    public String id() {
      return document.id();
    }
  }

  /**
   * Makes a post's search terms and stored form now, for a later {@link #upsertPrepared}. A step of
   * its own so that the stream's index sink makes them as each post comes from the tagger, while
   * the words it segmented are still in the processor's caches, and writes the batch later: made at
   * the batch's write, a few hundred posts on, turning the words into terms took about three times
   * as long (JFR of {@code yuqing bench stream}). Pure; the prepared post no longer holds the
   * words.
   */
  static Prepared prepare(TaggedPost post) {
    return new Prepared(post.withoutWords(), PostDocument.of(post));
  }

  /**
   * {@link #upsert} of posts made ready with {@link #prepare}.
   *
   * @throws UnsupportedOperationException on an index opened read-only
   */
  void upsertPrepared(Collection<Prepared> posts);

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
