package dev.yuqing.stream;

import dev.yuqing.core.Post;

/**
 * A post inside the job before tagging.
 *
 * @param post the post, normalised
 * @param ingestedAt wall-clock epoch millis when the job took it in (start of every latency)
 * @param counted whether the post counts in the event-time windows: false for a new version of a
 *     post already seen and for a repost
 */
public record Ingested(Post post, long ingestedAt, boolean counted) {

  public Ingested withPost(Post p, boolean isCounted) {
    return new Ingested(p, ingestedAt, isCounted);
  }
}
