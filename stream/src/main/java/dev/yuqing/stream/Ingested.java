package dev.yuqing.stream;

import dev.yuqing.core.Post;

/**
 * A post inside the job before tagging.
 *
 * @param post the post, normalised
 * @param ingestedAt wall-clock epoch millis when the job took it in (start of every latency)
 * @param counted whether the post counts in the event-time windows: false for a new version of a
 *     post already seen and for a repost
 * @param rewrite whether the index already has a version of this post (an edit, or a post re-linked
 *     as a repost when its original turned up later): its write replaces a document, it adds none
 */
public record Ingested(Post post, long ingestedAt, boolean counted, boolean rewrite) {

  /** A post the index has not seen yet. */
  public Ingested(Post post, long ingestedAt, boolean counted) {
    this(post, ingestedAt, counted, false);
  }

  public String id() {
    return post.id();
  }

  /** Event time in epoch millis. */
  public long eventTime() {
    return post.eventTime().toEpochMilli();
  }

  /** Another version of this post, with its own counted and rewrite flags. */
  public Ingested withPost(Post p, boolean isCounted, boolean isRewrite) {
    return new Ingested(p, ingestedAt, isCounted, isRewrite);
  }
}
