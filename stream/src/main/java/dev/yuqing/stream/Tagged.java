package dev.yuqing.stream;

import dev.yuqing.core.TaggedPost;

/**
 * A tagged post inside the job.
 *
 * @param post the tagged post
 * @param ingestedAt wall-clock epoch millis when the job took the post in
 * @param counted whether the post counts in the event-time windows (see {@link Ingested#counted})
 */
public record Tagged(TaggedPost post, long ingestedAt, boolean counted) {

  public String id() {
    return post.id();
  }

  /** Event time in epoch millis. */
  public long eventTime() {
    return post.post().eventTime().toEpochMilli();
  }
}
