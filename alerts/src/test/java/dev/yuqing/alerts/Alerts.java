package dev.yuqing.alerts;

import dev.yuqing.alerts.rules.CountRuleState;
import dev.yuqing.alerts.rules.RuleContext;
import dev.yuqing.alerts.rules.RuleOutcome;
import dev.yuqing.alerts.rules.SpikeRule;
import dev.yuqing.alerts.rules.WindowSummary;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertPost;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import dev.yuqing.core.config.AlertsConfig;
import dev.yuqing.core.config.ConfigLoader;
import dev.yuqing.core.config.SpikeRuleConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Real alerts made by the spike rule from fixture posts, for service and mail tests. */
public final class Alerts {
  public static final Instant BURST = Instant.parse("2024-06-10T02:00:00Z");
  static final Duration W = Duration.ofMinutes(30);

  private Alerts() {}

  /**
   * The {@code alerts} section of a config, read from YAML as a user writes it under {@code
   * alerts:} (keys such as {@code recipients}, {@code grouping}; the rest take their defaults): for
   * tests that set a few keys instead of passing the record's twelve components by position.
   */
  public static AlertsConfig config(String alertsYaml) {
    String indented =
        alertsYaml.stripIndent().lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
    return new ConfigLoader()
        .parse(
            "alerts.yaml",
            "projects:\n  - name: " + Fixtures.PROJECT + "\nalerts:\n" + indented + "\n")
        .alerts();
  }

  /**
   * The alerts of a burst after a flat week: [0] new (12 leak posts), [1] update (after two more
   * hot windows), [2] recovery.
   */
  public static List<Alert> burst() {
    SpikeRule rule =
        new SpikeRule(
            SpikeRuleConfig.named("negative-spike"), RuleContext.of(AlertsConfig.DEFAULT, W));
    CountRuleState s = rule.initialState();
    List<Alert> out = new ArrayList<>();
    Instant t = Fixtures.WEEK_START;
    while (t.isBefore(BURST)) {
      TaggedPost p =
          Fixtures.negative(
              "calm-" + t,
              "业主" + (t.getEpochSecond() / 3600 % 30),
              t.plusSeconds(17 * 60),
              "物业服务太差，电梯又坏了",
              Topic.PROPERTY_MANAGEMENT);
      s = step(rule, s, t, List.of(p), out);
      t = t.plus(W.multipliedBy(2));
    }
    s = step(rule, s, BURST, Fixtures.leakBurst(BURST, 12, "a"), out);
    s = step(rule, s, BURST.plus(W), Fixtures.leakBurst(BURST.plus(W), 10, "b"), out);
    s =
        step(
            rule,
            s,
            BURST.plus(W.multipliedBy(2)),
            Fixtures.leakBurst(BURST.plus(W.multipliedBy(2)), 9, "c"),
            out);
    RuleOutcome<CountRuleState> e =
        rule.onTime(s, Fixtures.PROJECT, BURST.plus(Duration.ofHours(4)));
    out.addAll(e.alerts());
    if (out.size() != 3) {
      throw new IllegalStateException("expected new, update, recovery: " + out);
    }
    return out;
  }

  private static CountRuleState step(
      SpikeRule rule, CountRuleState s, Instant start, List<TaggedPost> posts, List<Alert> out) {
    RuleOutcome<CountRuleState> e =
        rule.onWindow(s, WindowSummary.of(Fixtures.PROJECT, start, start.plus(W), posts));
    out.addAll(e.alerts());
    return e.state();
  }

  /**
   * An alert as a rule of {@code ruleType} would send it about {@link Fixtures#PROJECT}, quoting
   * the posts {@code postIds}: for lifecycle and service tests that need rules other than the
   * spike's.
   */
  public static Alert of(
      String id,
      String ruleType,
      Grade grade,
      AlertState state,
      Instant firstAt,
      Instant updatedAt,
      int revision,
      long total,
      String reason,
      String... postIds) {
    List<AlertPost> posts = new ArrayList<>();
    for (String p : postIds) {
      posts.add(
          new AlertPost(
              p, null, "帖子" + p, "http://bbs.example.com/thread/" + p, "业主" + p, firstAt, null));
    }
    return new Alert(
        id,
        ruleType + "|" + Fixtures.PROJECT,
        ruleType,
        ruleType,
        Fixtures.PROJECT,
        null,
        grade,
        state,
        firstAt,
        updatedAt,
        reason,
        total,
        Double.NaN,
        List.of(),
        List.of(),
        posts,
        revision,
        List.of(),
        total);
  }

  /**
   * A critical mobilisation alert about {@link Fixtures#PROJECT}, first raised at {@code at} and
   * quoting {@code posts}: the tests that show an alert pass hostile text here.
   */
  public static Alert mobilization(
      String id, Instant at, String reason, List<String> keywords, AlertPost... posts) {
    return new Alert(
        id,
        "mobilization|" + Fixtures.PROJECT,
        "mobilization",
        "mobilization",
        Fixtures.PROJECT,
        null,
        Grade.CRITICAL,
        AlertState.FIRING,
        at,
        at,
        reason,
        1,
        Double.NaN,
        List.of("维权行动"),
        keywords,
        List.of(posts),
        1,
        List.of(),
        1);
  }

  /** A first new-topic alert: {@code authors} authors raised {@code topic}, one post each. */
  public static Alert newTopic(
      String id, String topic, int authors, Instant firstAt, Instant updatedAt, String... postIds) {
    return of(
        id,
        "new-topic",
        Grade.NOTICE,
        AlertState.FIRING,
        firstAt,
        updatedAt,
        1,
        authors,
        "新话题「" + topic + "」：" + authors + "位作者集中反映",
        postIds);
  }

  /** {@code a} at a later revision: {@code total} posts by {@code at}, in {@code state}. */
  public static Alert next(Alert a, Instant at, long total, AlertState state) {
    return copy(a, a.id(), a.key(), a.project(), state, at, a.revision() + 1, total);
  }

  /** {@code a} as another alert of the same burst (id and key suffixed). */
  public static Alert other(Alert a, String suffix) {
    return copy(
        a,
        a.id() + "-" + suffix,
        a.key() + "-" + suffix,
        a.project(),
        a.state(),
        a.updatedAt(),
        a.revision(),
        a.total());
  }

  /** {@code a} as its rule would raise it about {@code project} (key and project replaced). */
  public static Alert about(Alert a, String project) {
    return copy(
        a,
        a.id(),
        a.ruleType() + "|" + project,
        project,
        a.state(),
        a.updatedAt(),
        a.revision(),
        a.total());
  }

  private static Alert copy(
      Alert a,
      String id,
      String key,
      String project,
      AlertState state,
      Instant at,
      int revision,
      long total) {
    return new Alert(
        id,
        key,
        a.rule(),
        a.ruleType(),
        project,
        a.topic(),
        a.grade(),
        state,
        a.firstAt(),
        at,
        a.reason(),
        a.count(),
        a.baseline(),
        a.topTopics(),
        a.topKeywords(),
        a.posts(),
        revision,
        a.trend(),
        total);
  }
}
