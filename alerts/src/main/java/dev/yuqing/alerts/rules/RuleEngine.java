package dev.yuqing.alerts.rules;

import dev.yuqing.core.Alert;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.config.AlertsConfig;
import dev.yuqing.core.config.CollectiveActRuleConfig;
import dev.yuqing.core.config.KeywordRuleConfig;
import dev.yuqing.core.config.MediaRuleConfig;
import dev.yuqing.core.config.MobilizationRuleConfig;
import dev.yuqing.core.config.NewTopicRuleConfig;
import dev.yuqing.core.config.RuleConfig;
import dev.yuqing.core.config.SpikeRuleConfig;
import dev.yuqing.core.config.ThresholdRuleConfig;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * All configured rules behind one facade, for a caller that keeps one {@link EngineState} per
 * project. This is the API the stream calls (see the package documentation); it is immutable and
 * may be shared by threads, each state being used by one thread at a time.
 */
public final class RuleEngine implements Serializable {
  private final AlertsConfig config;
  private final Duration streamWindow;
  private transient List<Rule<RuleState>> rules;

  /**
   * @param config alert rules and timings
   * @param streamWindow length of the event-time windows the caller summarises
   * @throws IllegalArgumentException when a rule window is not a multiple of {@code streamWindow}
   */
  public RuleEngine(AlertsConfig config, Duration streamWindow) {
    this.config = config;
    this.streamWindow = streamWindow;
    this.rules = build(config, streamWindow);
  }

  /** One rule object for a rule config. */
  public static Rule<? extends RuleState> create(RuleConfig rc, RuleContext ctx) {
    if (rc instanceof SpikeRuleConfig c) {
      return new SpikeRule(c, ctx);
    } else if (rc instanceof ThresholdRuleConfig c) {
      return new ThresholdRule(c, ctx);
    } else if (rc instanceof KeywordRuleConfig c) {
      return new KeywordRule(c, ctx);
    } else if (rc instanceof MobilizationRuleConfig c) {
      return new MobilizationRule(c, ctx);
    } else if (rc instanceof CollectiveActRuleConfig c) {
      return new CollectiveActRule(c, ctx);
    } else if (rc instanceof MediaRuleConfig c) {
      return new MediaRule(c, ctx);
    } else if (rc instanceof NewTopicRuleConfig c) {
      return new NewTopicRule(c, ctx);
    }
    throw new IllegalArgumentException("unknown rule config " + rc.getClass().getName());
  }

  @SuppressWarnings("unchecked")
  private static List<Rule<RuleState>> build(AlertsConfig config, Duration streamWindow) {
    RuleContext ctx = RuleContext.of(config, streamWindow);
    List<Rule<RuleState>> rs = new ArrayList<>();
    for (RuleConfig rc : config.rules()) {
      rs.add((Rule<RuleState>) create(rc, ctx));
    }
    return List.copyOf(rs);
  }

  private List<Rule<RuleState>> rules() {
    if (rules == null) {
      rules = build(config, streamWindow); // after Java deserialisation (Flink ships functions)
    }
    return rules;
  }

  public AlertsConfig config() {
    return config;
  }

  /** The state of a project not seen before. */
  public EngineState initialState() {
    return new EngineState(Map.of());
  }

  /** A window of one project's posts closed (event time). */
  public RuleOutcome<EngineState> onWindow(EngineState state, WindowSummary window) {
    return each(state, (rule, s) -> rule.onWindow(s, window));
  }

  /**
   * The open window of a project as summarised so far, at event time {@code now}: window rules may
   * alert before it closes (see {@link Rule#onPartialWindow}). Optional; {@link #onWindow} must
   * still follow when it closes.
   */
  public RuleOutcome<EngineState> onPartialWindow(
      EngineState state, WindowSummary window, Instant now) {
    return each(state, (rule, s) -> rule.onPartialWindow(s, window, now));
  }

  /** One tagged post of {@code project}. */
  public RuleOutcome<EngineState> onPost(EngineState state, String project, TaggedPost post) {
    return each(state, (rule, s) -> rule.onPost(s, project, post));
  }

  /** The event-time clock of {@code project} reached {@code now}. */
  public RuleOutcome<EngineState> onTime(EngineState state, String project, Instant now) {
    return each(state, (rule, s) -> rule.onTime(s, project, now));
  }

  private RuleOutcome<EngineState> each(
      EngineState state, BiFunction<Rule<RuleState>, RuleState, RuleOutcome<RuleState>> call) {
    Map<String, RuleState> next = new TreeMap<>();
    List<Alert> alerts = new ArrayList<>();
    Instant wake = null;
    for (Rule<RuleState> rule : rules()) {
      String name = rule.config().name();
      RuleState s = state.rules().get(name);
      if (s == null || !sameKind(s, rule.initialState())) {
        s = rule.initialState(); // a new rule, or one whose type changed in config
      }
      RuleOutcome<RuleState> e = call.apply(rule, s);
      next.put(name, e.state());
      alerts.addAll(e.alerts());
      if (e.wakeAt() != null && (wake == null || e.wakeAt().isBefore(wake))) {
        wake = e.wakeAt();
      }
    }
    return new RuleOutcome<>(new EngineState(next), alerts, wake);
  }

  private static boolean sameKind(RuleState a, RuleState b) {
    return a.getClass() == b.getClass();
  }
}
