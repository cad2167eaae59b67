package dev.yuqing.alerts.rules;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * State of the new-topic rule for one project.
 *
 * @param watchingSince start of the first window seen: before a baseline's worth of history every
 *     topic would look new, so the rule stays silent until then
 * @param tracks per topic label seen within the baseline period
 */
public record NewTopicState(Instant watchingSince, Map<String, Track> tracks) implements RuleState {
  public NewTopicState {
    tracks =
        tracks == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tracks));
  }

  public static NewTopicState empty() {
    return new NewTopicState(null, Map.of());
  }

  /**
   * One topic's current appearance.
   *
   * @param since start of the window in which it (re)appeared after a baseline's absence
   * @param last end of the last window with a negative post on it
   * @param fresh whether it was absent for the whole baseline before {@code since}
   * @param authors distinct authors within the rule window from {@code since}
   * @param candidates best posts of that appearance
   * @param openAlert open alert, or null
   */
  public record Track(
      Instant since,
      Instant last,
      boolean fresh,
      List<String> authors,
      List<Candidate> candidates,
      OpenAlert openAlert)
      implements Serializable {
    public Track {
      authors = authors == null ? List.of() : List.copyOf(authors);
      candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
  }
}
