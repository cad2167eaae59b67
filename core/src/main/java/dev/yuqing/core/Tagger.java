package dev.yuqing.core;

/**
 * Tags one post: sentiment, topics, keywords, entities, signals.
 *
 * <p>Contract: pure with respect to the post (the same post gives the same tags), never returns
 * null, accepts empty and very long text, and is safe for concurrent use by several threads once
 * built. Building one may be slow (dictionaries load once); tagging must not do I/O.
 */
@FunctionalInterface
public interface Tagger {
  TaggedPost tag(Post post);

  /**
   * The tags and the words segmented on the way, for search indexing to reuse; by default no words
   * (the index segments the text itself).
   */
  default Tagging tagWithWords(Post post) {
    return new Tagging(tag(post), null);
  }
}
