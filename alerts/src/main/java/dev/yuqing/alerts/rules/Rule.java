package dev.yuqing.alerts.rules;

import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.config.RuleConfig;
import java.time.Instant;

/**
 * One alert rule: a small pure class fed timestamped window summaries and posts (ElastAlert-style).
 * It does no I/O and never reads a clock: "now" is always the event time it is given. Its memory is
 * the state the caller keeps and passes back, so the same inputs always give the same outputs —
 * which is what makes a Flink replay after a crash harmless.
 *
 * <p>Contract for callers, per project (the key):
 *
 * <ul>
 *   <li>{@link #onWindow} with the windows of a project in start order, each once (a window
 *       starting before the end of the last one is ignored as late); empty windows may be skipped:
 *       the rule counts a gap as empty windows;
 *   <li>optionally {@link #onPartialWindow} with the open window after each post, to alert before
 *       the window closes;
 *   <li>{@link #onPost} with each post of the project (after tagging), in roughly event-time order;
 *   <li>{@link #onTime} when the event-time clock (watermark) passes {@link RuleOutcome#wakeAt}.
 * </ul>
 *
 * A window rule ignores posts and a post rule ignores windows, so a caller may feed every rule
 * everything. Not thread-safe per state; rules themselves are immutable and shareable.
 *
 * @param <S> the rule's state
 */
public interface Rule<S extends RuleState> {
  RuleConfig config();

  /** The state of a project the rule has not seen yet. */
  S initialState();

  /** A window of the project's posts closed. */
  RuleOutcome<S> onWindow(S state, WindowSummary window);

  /**
   * The window of a project that is still open, as summarised so far, at event time {@code now}
   * (the time of the post just added). A window rule may raise its alert now instead of when the
   * window closes — a burst is seen as it happens — without learning from the partial count; the
   * closed window must still come to {@link #onWindow}, and the alert is then not sent again. The
   * default does nothing.
   */
  default RuleOutcome<S> onPartialWindow(S state, WindowSummary window, Instant now) {
    return new RuleOutcome<>(state, java.util.List.of(), null);
  }

  /** One post of {@code project} was tagged. */
  RuleOutcome<S> onPost(S state, String project, TaggedPost post);

  /** Event time reached {@code now} (a timer set at an earlier {@link RuleOutcome#wakeAt}). */
  RuleOutcome<S> onTime(S state, String project, Instant now);
}
