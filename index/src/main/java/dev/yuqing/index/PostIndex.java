package dev.yuqing.index;

import dev.yuqing.core.TaggedPost;
import java.io.Closeable;
import java.util.Collection;
import java.util.Optional;

/**
 * The one index API. Both backends give identical results for the same calls (a contract test suite
 * runs against both).
 *
 * <p>Threading: safe for concurrent use; writes from one thread at a time is enough for the stream
 * sink, readers may be many. Durability: after {@link #commit()} returns, upserted posts survive a
 * crash.
 */
public interface PostIndex extends Closeable {

  /** Inserts or replaces posts by post id: indexing the same post twice leaves one document. */
  void upsert(Collection<TaggedPost> posts);

  /** Makes everything upserted so far durable (and visible to new searches). */
  void commit();

  Optional<TaggedPost> get(String postId);

  /** Total number of documents. */
  long count();

  /** Searches with filters, sort and paging; see {@link SearchRequest}. */
  SearchResult search(SearchRequest request);
}
