package dev.yuqing.alerts.rules;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * State of a post rule (keyword, mobilization, media) for one project.
 *
 * @param openAlert the open alert, or null
 * @param sightings recent matching posts, within the rule's window (media: to count distinct
 *     authors before the rule fires)
 * @param now the latest event time seen
 */
public record PostRuleState(OpenAlert openAlert, List<Sighting> sightings, Instant now)
    implements RuleState {
  public PostRuleState {
    sightings = sightings == null ? List.of() : List.copyOf(sightings);
  }

  public static PostRuleState empty() {
    return new PostRuleState(null, List.of(), null);
  }

  /**
   * A matching post.
   *
   * @param at event time
   * @param author author, or the post id when unknown (an anonymous post is its own author)
   * @param postId post id
   * @param candidate the post as it may be quoted
   */
  public record Sighting(Instant at, String author, String postId, Candidate candidate)
      implements Serializable {}
}
