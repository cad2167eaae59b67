package dev.yuqing.index;

import dev.yuqing.core.TaggedPost;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of hits.
 *
 * @param total number of matching documents (exact)
 * @param hits this page
 * @param nextCursor pass as {@link SearchRequest#after()} for the next page; null on the last page
 */
public record SearchResult(long total, List<Hit> hits, String nextCursor) {
  public SearchResult {
    hits = List.copyOf(hits);
  }

  /** The ids of the hits, in order. */
  public List<String> ids() {
    return hits.stream().map(h -> h.post().id()).toList();
  }

  /**
   * One hit.
   *
   * @param post the document
   * @param score relevance score (0 when not sorted by relevance)
   * @param highlights field name ({@code title}, {@code text}) → fragment with matches marked by
   *     {@code <em>}; the rest of the fragment is HTML-escaped, so it can be shown as HTML; empty
   *     unless highlighting was asked for
   */
  public record Hit(TaggedPost post, double score, Map<String, String> highlights) {
    public Hit {
      // keeps the order title, text
      highlights =
          highlights == null
              ? Map.of()
              : Collections.unmodifiableMap(new LinkedHashMap<>(highlights));
    }
  }
}
