package dev.yuqing.core;

import java.util.List;

/**
 * What tagging a post gives: its tags, and the words the tagger segmented on the way.
 *
 * @param post the tagged post
 * @param words the words segmented from the normalised {@link Post#fullText()}, punctuation and
 *     whitespace dropped, in order — exactly what search indexing would segment from that text, so
 *     the index need not segment it a second time; null when the tagger cannot vouch for that (text
 *     capped, a headline repeated as body, …)
 */
public record Tagging(TaggedPost post, List<String> words) {
  public Tagging {
    java.util.Objects.requireNonNull(post, "post");
    words = words == null ? null : List.copyOf(words);
  }
}
