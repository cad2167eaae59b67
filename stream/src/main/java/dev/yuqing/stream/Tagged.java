package dev.yuqing.stream;

import dev.yuqing.core.TaggedPost;

/**
 * A tagged post inside the job.
 *
 * @param post the tagged post
 * @param ingestedAt wall-clock epoch millis when the job took the post in
 * @param counted whether the post counts in the event-time windows (see {@link Ingested#counted})
 * @param rewrite whether the write replaces a document the index has (see {@link Ingested#rewrite})
 */
public record Tagged(TaggedPost post, long ingestedAt, boolean counted, boolean rewrite) {

  /** A post written to the index for the first time. */
  public Tagged(TaggedPost post, long ingestedAt, boolean counted) {
    this(post, ingestedAt, counted, false);
  }

  public String id() {
    return post.id();
  }

  /** Event time in epoch millis. */
  public long eventTime() {
    return post.post().eventTime().toEpochMilli();
  }
}
