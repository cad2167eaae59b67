package dev.yuqing.alerts.rules;

import static dev.yuqing.alerts.Fixtures.PROJECT;
import static dev.yuqing.alerts.Fixtures.WEEK_START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.alerts.Fixtures;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import dev.yuqing.core.config.AlertsConfig;
import dev.yuqing.core.config.SpikeRuleConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spike rule fed literal timestamps: no clock anywhere. */
class SpikeRuleTest {
  static final Duration W = Duration.ofMinutes(30);
  static final RuleContext CTX = RuleContext.of(AlertsConfig.DEFAULT, W); // resolveAfter 2h

  final SpikeRule rule = new SpikeRule(SpikeRuleConfig.named("negative-spike"), CTX);
  final List<Alert> alerts = new ArrayList<>();
  CountRuleState state = rule.initialState();

  /** Feeds the posts as the stream would: one summary per non-empty 30-minute window. */
  void feed(List<TaggedPost> posts) {
    List<TaggedPost> sorted = new ArrayList<>(posts);
    sorted.sort(java.util.Comparator.comparing(p -> p.post().eventTime()));
    int i = 0;
    while (i < sorted.size()) {
      Instant start = floor(sorted.get(i).post().eventTime());
      Instant end = start.plus(W);
      List<TaggedPost> in = new ArrayList<>();
      while (i < sorted.size() && sorted.get(i).post().eventTime().isBefore(end)) {
        in.add(sorted.get(i++));
      }
      RuleOutcome<CountRuleState> e =
          rule.onWindow(state, WindowSummary.of(PROJECT, start, end, in));
      state = e.state();
      alerts.addAll(e.alerts());
    }
  }

  static Instant floor(Instant t) {
    long w = W.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), w) * w);
  }

  /**
   * One negative post an hour at :17, around the clock, for {@code days} days from {@code from}.
   */
  static List<TaggedPost> hourly(Instant from, int days) {
    return hours(from, days * 24);
  }

  /** One negative post an hour at :17 for {@code n} hours from {@code from}. */
  static List<TaggedPost> hours(Instant from, int n) {
    List<TaggedPost> posts = new ArrayList<>();
    for (int h = 0; h < n; h++) {
      posts.add(
          Fixtures.negative(
              "flat-" + from + "-" + h,
              "业主" + (h % 40),
              from.plus(Duration.ofHours(h)).plus(Duration.ofMinutes(17)),
              "物业服务太差，电梯又坏了",
              Topic.PROPERTY_MANAGEMENT));
    }
    return posts;
  }

  @Test
  void aFlatWeekRaisesNothing() {
    feed(hourly(WEEK_START, 7));
    assertThat(alerts).isEmpty();
  }

  @Test
  void zeroToThreeNegativePostsPagesNobody() {
    feed(hourly(WEEK_START, 7));
    Instant tue = Instant.parse("2024-06-11T02:00:00Z"); // Tuesday 10:00 in Shanghai
    feed(Fixtures.leakBurst(tue, 4, "a")); // 4 posts + the hourly one: below the floor of 5
    assertThat(alerts).isEmpty();
  }

  @Test
  void twelveLeakPostsInHalfAnHourOverAnHourlyBaselineIsOneAlert() {
    Instant burst = Instant.parse("2024-06-10T02:00:00Z"); // Monday 10:00 in Shanghai
    feed(hours(WEEK_START, 7 * 24 + 10)); // a flat week, up to the burst
    feed(Fixtures.leakBurst(burst, 12, "a"));

    assertThat(alerts).hasSize(1);
    Alert a = alerts.get(0);
    assertThat(a.revision()).isEqualTo(1);
    assertThat(a.state()).isEqualTo(AlertState.FIRING);
    assertThat(a.grade()).isEqualTo(Grade.ALERT);
    assertThat(a.project()).isEqualTo(PROJECT);
    assertThat(a.count()).isEqualTo(12);
    assertThat(a.baseline()).isBetween(0.3, 0.8); // one an hour = 0.5 per 30-minute window
    assertThat(a.firstAt()).isEqualTo(burst);
    assertThat(a.updatedAt()).isEqualTo(burst.plus(W));
    assertThat(a.subject()).startsWith("【舆情预警·二级】翡翠湾：30分钟内负面帖");
    assertThat(a.reason()).contains("不少于5条", "3倍");
    assertThat(a.topTopics()).first().isEqualTo("房屋质量");
    assertThat(a.topKeywords()).contains("漏水");
    assertThat(a.posts()).hasSize(5);
    assertThat(a.posts())
        .allSatisfy(p -> assertThat(p.url()).startsWith("http://bbs.example.com/"));
    assertThat(a.posts()).extracting(p -> p.author()).doesNotHaveDuplicates();
    assertThat(a.trend()).isNotEmpty();
    assertThat(a.trend().get(a.trend().size() - 1).count()).isEqualTo(a.count());
  }

  @Test
  void theBurstGoingOnIsAnUpdateNotASecondAlertAndQuietResolvesIt() {
    Instant burst = Instant.parse("2024-06-10T02:00:00Z");
    feed(hours(WEEK_START, 7 * 24 + 10));
    List<TaggedPost> posts = new ArrayList<>(Fixtures.leakBurst(burst, 12, "a"));
    posts.addAll(Fixtures.leakBurst(burst.plus(W), 10, "b")); // 10:30–11:00
    posts.addAll(Fixtures.leakBurst(burst.plus(W.multipliedBy(2)), 9, "c")); // 11:00–11:30
    feed(posts);

    assertThat(alerts).extracting(Alert::id).containsOnly(alerts.get(0).id());
    assertThat(alerts).extracting(Alert::revision).containsExactly(1, 2);
    Alert update = alerts.get(1);
    assertThat(update.state()).isEqualTo(AlertState.FIRING);
    assertThat(update.updatedAt()).isEqualTo(burst.plus(W.multipliedBy(3))); // 11:30: realert 1h
    assertThat(update.total()).isEqualTo(31);

    // Back to one post an hour: quiet from 11:30, resolved two hours later, when the window
    // after 13:30 closes.
    feed(hours(burst.plus(Duration.ofHours(2)), 1)); // 12:17
    assertThat(alerts).hasSize(2);
    feed(hours(burst.plus(Duration.ofHours(3)), 1)); // 13:17: the window 13:00–13:30 closes
    assertThat(alerts).hasSize(3);
    Alert recovery = alerts.get(2);
    assertThat(recovery.id()).isEqualTo(alerts.get(0).id());
    assertThat(recovery.state()).isEqualTo(AlertState.RESOLVED);
    assertThat(recovery.revision()).isEqualTo(3);
    assertThat(recovery.updatedAt()).isEqualTo(burst.plus(Duration.ofMinutes(90 + 120)));
  }

  @Test
  void quietWithNoPostsAtAllResolvesOnTheTimer() {
    feed(hourly(WEEK_START, 7));
    Instant burst = Instant.parse("2024-06-10T02:00:00Z");
    RuleOutcome<CountRuleState> e =
        rule.onWindow(
            state,
            WindowSummary.of(PROJECT, burst, burst.plus(W), Fixtures.leakBurst(burst, 12, "a")));
    state = e.state();
    assertThat(e.alerts()).hasSize(1);
    assertThat(e.wakeAt()).isEqualTo(burst.plus(W).plus(Duration.ofHours(2)));

    RuleOutcome<CountRuleState> early = rule.onTime(state, PROJECT, e.wakeAt().minusSeconds(1));
    assertThat(early.alerts()).isEmpty();
    RuleOutcome<CountRuleState> due = rule.onTime(early.state(), PROJECT, e.wakeAt());
    assertThat(due.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
              assertThat(a.revision()).isEqualTo(2);
            });
    assertThat(due.wakeAt()).isNull();
  }

  @Test
  void theSameInputsGiveTheSameAlertIdsAndRevisions() {
    feed(hourly(WEEK_START, 7));
    CountRuleState checkpoint = state;
    Instant burst = Instant.parse("2024-06-10T02:00:00Z");
    feed(Fixtures.leakBurst(burst, 12, "a"));
    List<Alert> first = List.copyOf(alerts);

    // A restore from the checkpoint and a replay: the very same alert, which the service drops.
    state = checkpoint;
    alerts.clear();
    feed(Fixtures.leakBurst(burst, 12, "a"));
    assertThat(alerts).isEqualTo(first);
  }

  @Test
  void aBurstIsSeenBeforeItsWindowClosesAndTheCloseDoesNotSendItAgain() {
    Instant burst = Instant.parse("2024-06-10T02:00:00Z");
    feed(hours(WEEK_START, 7 * 24 + 10));
    CountRuleState before = state;
    List<TaggedPost> posts = Fixtures.leakBurst(burst, 12, "a"); // one every 2.5 minutes
    WindowSummary open = WindowSummary.empty(PROJECT, burst, burst.plus(W));
    List<Alert> early = new ArrayList<>();
    Instant firedAt = null;
    for (TaggedPost p : posts) {
      open = open.plus(p);
      RuleOutcome<CountRuleState> e = rule.onPartialWindow(state, open, p.post().eventTime());
      state = e.state();
      if (!e.alerts().isEmpty() && firedAt == null) {
        firedAt = p.post().eventTime();
      }
      early.addAll(e.alerts());
    }
    // the floor of 5 is reached by the fifth post, at 10:10, twenty minutes before the close
    assertThat(firedAt).isEqualTo(burst.plus(Duration.ofMinutes(10)));
    assertThat(early)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.revision()).isEqualTo(1);
              assertThat(a.count()).isEqualTo(5);
              assertThat(a.topTopics()).containsExactly("房屋质量");
            });
    RuleOutcome<CountRuleState> closed = rule.onWindow(state, open);
    assertThat(closed.alerts()).isEmpty(); // already sent; the close only counts
    assertThat(closed.state().series().get("").openAlert().total()).isEqualTo(12);

    // the same id as without the early look
    RuleOutcome<CountRuleState> plain = rule.onWindow(before, open);
    assertThat(plain.alerts()).singleElement().extracting(Alert::id).isEqualTo(early.get(0).id());
  }

  @Test
  void aLateOrRepeatedWindowIsIgnored() {
    feed(hourly(WEEK_START, 7));
    Instant burst = Instant.parse("2024-06-10T02:00:00Z");
    feed(Fixtures.leakBurst(burst, 12, "a"));
    feed(Fixtures.leakBurst(burst, 12, "a"));
    assertThat(alerts).hasSize(1);
  }

  /**
   * Two weeks and a bit with a daily rhythm: 5 negative posts per half hour from 9:00 to 18:00
   * Shanghai time, one per hour at night; up to {@code until}.
   */
  static List<TaggedPost> rhythm(Instant until) {
    List<TaggedPost> posts = new ArrayList<>();
    for (int m = 0; ; m += 6) {
      Instant at = WEEK_START.plus(Duration.ofMinutes(m + 1));
      if (!at.isBefore(until)) {
        return posts;
      }
      int hour = m / 60 % 24;
      if (hour >= 9 && hour < 18 || m % 60 == 0) {
        posts.add(
            Fixtures.negative(
                "rhythm-" + m, "业主" + (m % 70), at, "物业收费不合理", Topic.PROPERTY_MANAGEMENT));
      }
    }
  }

  @Test
  void aBusyMorningIsNotASpikeButANightBurstIs() {
    Instant night = WEEK_START.plus(Duration.ofDays(14)).plus(Duration.ofHours(3));
    Instant morning = WEEK_START.plus(Duration.ofDays(14)).plus(Duration.ofHours(10));
    SpikeRule flat =
        new SpikeRule(
            new SpikeRuleConfig(
                "flat", null, null, null, null, null, null, null, false, null, null),
            CTX);

    // 03:00, after two weeks of rhythm: six posts where one is usual.
    feed(rhythm(night));
    assertThat(alerts).isEmpty();
    CountRuleState flatState = replay(flat, rhythm(night));
    WindowSummary nightBurst =
        WindowSummary.of(PROJECT, night, night.plus(W), Fixtures.leakBurst(night, 6, "n"));
    assertThat(rule.onWindow(state, nightBurst).alerts()).hasSize(1);
    assertThat(flat.onWindow(flatState, nightBurst).alerts()).isEmpty();

    // 10:00: twelve posts where five are usual is a busy morning, not a spike; without the
    // seasonal factors it would be one.
    state = rule.initialState();
    feed(rhythm(morning));
    assertThat(alerts).isEmpty();
    flatState = replay(flat, rhythm(morning));
    WindowSummary busyMorning =
        WindowSummary.of(PROJECT, morning, morning.plus(W), Fixtures.leakBurst(morning, 12, "m"));
    assertThat(rule.onWindow(state, busyMorning).alerts()).isEmpty();
    assertThat(flat.onWindow(flatState, busyMorning).alerts()).hasSize(1);
  }

  static CountRuleState replay(SpikeRule r, List<TaggedPost> posts) {
    posts = new ArrayList<>(posts);
    posts.sort(java.util.Comparator.comparing(p -> p.post().eventTime()));
    CountRuleState s = r.initialState();
    int i = 0;
    while (i < posts.size()) {
      Instant start = floor(posts.get(i).post().eventTime());
      List<TaggedPost> in = new ArrayList<>();
      while (i < posts.size() && posts.get(i).post().eventTime().isBefore(start.plus(W))) {
        in.add(posts.get(i++));
      }
      s = r.onWindow(s, WindowSummary.of(PROJECT, start, start.plus(W), in)).state();
    }
    return s;
  }

  @Test
  void perTopicKeysGiveOneIncidentPerTopic() {
    SpikeRule perTopic =
        new SpikeRule(
            new SpikeRuleConfig(
                "topic-spike", null, null, null, null, true, null, null, null, null, null),
            CTX);
    CountRuleState s = replay(perTopic, hourly(WEEK_START, 7));
    Instant t = Instant.parse("2024-06-10T02:00:00Z");
    List<TaggedPost> posts = new ArrayList<>(Fixtures.leakBurst(t, 6, "q"));
    for (int i = 0; i < 6; i++) {
      posts.add(
          Fixtures.negative(
              "delay-" + i, "买家" + i, t.plusSeconds(60L * i), "又延期交房了，违约金谁来赔", Topic.DELAY));
    }
    RuleOutcome<CountRuleState> e =
        perTopic.onWindow(s, WindowSummary.of(PROJECT, t, t.plus(W), posts));
    assertThat(e.alerts()).extracting(Alert::topic).containsExactly("延期交付", "房屋质量");
    assertThat(e.alerts())
        .extracting(Alert::key)
        .containsExactly("topic-spike|翡翠湾|延期交付", "topic-spike|翡翠湾|房屋质量");
    assertThat(e.alerts().get(1).subject()).contains("「房屋质量」30分钟内负面帖6条");
  }

  @Test
  void stateSurvivesJson() {
    feed(hourly(WEEK_START, 7));
    Instant burst = Instant.parse("2024-06-10T02:00:00Z");
    feed(Fixtures.leakBurst(burst, 12, "a"));
    EngineState es = new EngineState(java.util.Map.of("negative-spike", state));
    EngineState back = EngineState.fromJson(es.toJson());
    assertThat(back).isEqualTo(es);
  }
}
