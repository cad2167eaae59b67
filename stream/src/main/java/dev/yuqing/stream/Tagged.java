package dev.yuqing.stream;

import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Tagging;
import java.util.List;

/**
 * A tagged post inside the job.
 *
 * @param post the tagged post
 * @param words the words the tagger segmented, for the index sink chained to it ({@link
 *     Tagging#words()}); null once the post leaves the tagger's thread (see {@link
 *     #withoutWords()}) or when the tagger gave none
 * @param ingestedAt wall-clock epoch millis when the job took the post in
 * @param counted whether the post counts in the event-time windows (see {@link Ingested#counted})
 * @param rewrite whether the write replaces a document the index has (see {@link Ingested#rewrite})
 */
public record Tagged(
    TaggedPost post, List<String> words, long ingestedAt, boolean counted, boolean rewrite) {

  /** This post without the tagger's words: they are most of its bytes where it is serialised. */
  public Tagged withoutWords() {
    return words == null ? this : new Tagged(post, null, ingestedAt, counted, rewrite);
  }

  /** The tagging the index writes. */
  public Tagging tagging() {
    return new Tagging(post, words);
  }

  public String id() {
    return post.id();
  }

  /** Event time in epoch millis. */
  public long eventTime() {
    return post.post().eventTime().toEpochMilli();
  }
}
