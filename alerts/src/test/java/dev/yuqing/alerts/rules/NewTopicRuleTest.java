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
import dev.yuqing.core.config.NewTopicRuleConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewTopicRuleTest {
  static final Duration W = Duration.ofMinutes(30);
  final NewTopicRule rule =
      new NewTopicRule(
          new NewTopicRuleConfig("new-topic", null, null, null, null, null, null),
          RuleContext.of(AlertsConfig.DEFAULT, W));
  NewTopicState state = rule.initialState();
  final List<Alert> alerts = new ArrayList<>();

  void window(Instant start, List<TaggedPost> posts) {
    RuleOutcome<NewTopicState> e =
        rule.onWindow(state, WindowSummary.of(PROJECT, start, start.plus(W), posts));
    state = e.state();
    alerts.addAll(e.alerts());
  }

  /** A week and a day of property-management complaints, two a day. */
  void usualWeek() {
    for (int d = 0; d < 8; d++) {
      for (int h : new int[] {2, 8}) {
        Instant t = WEEK_START.plus(Duration.ofDays(d)).plus(Duration.ofHours(h));
        window(
            t,
            List.of(
                Fixtures.negative(
                    "pm-" + d + "-" + h, "业主" + d, t, "物业费太贵，保安不管事", Topic.PROPERTY_MANAGEMENT)));
      }
    }
  }

  static TaggedPost delay(int i, Instant at) {
    return Fixtures.negative("delay-" + i, "买房人" + i, at, "说好的六月交房又推迟了，违约金怎么算", Topic.DELAY);
  }

  @Test
  void aNewTopicFromThreeAuthorsWithinADayIsANotice() {
    usualWeek();
    Instant t = WEEK_START.plus(Duration.ofDays(8)).plus(Duration.ofHours(2));
    window(t, List.of(delay(1, t), delay(2, t.plusSeconds(600))));
    assertThat(alerts).isEmpty();
    Instant later = t.plus(Duration.ofHours(5));
    window(later, List.of(delay(3, later)));
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.grade()).isEqualTo(Grade.NOTICE);
              assertThat(a.topic()).isEqualTo("延期交付");
              assertThat(a.key()).isEqualTo("new-topic|翡翠湾|延期交付");
              assertThat(a.headline()).isEqualTo("新话题「延期交付」：3位作者集中反映");
              assertThat(a.posts()).hasSize(3);
              assertThat(a.firstAt()).isEqualTo(t);
            });
    // quiet: resolved two hours after the last window with the topic
    RuleOutcome<NewTopicState> e =
        rule.onTime(state, PROJECT, later.plus(W).plus(Duration.ofHours(2)));
    assertThat(e.alerts()).singleElement().extracting(Alert::state).isEqualTo(AlertState.RESOLVED);
  }

  @Test
  void aUsualTopicIsNotNew() {
    usualWeek();
    Instant t = WEEK_START.plus(Duration.ofDays(8)).plus(Duration.ofHours(3));
    List<TaggedPost> posts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      posts.add(
          Fixtures.negative(
              "pm-x" + i, "新业主" + i, t.plusSeconds(60L * i), "物业乱收停车费", Topic.PROPERTY_MANAGEMENT));
    }
    window(t, posts);
    assertThat(alerts).isEmpty();
  }

  @Test
  void silentUntilItHasWatchedAWeek() {
    Instant t = WEEK_START;
    window(t, List.of(delay(1, t), delay(2, t), delay(3, t), delay(4, t)));
    assertThat(alerts).isEmpty();
  }

  @Test
  void threeAuthorsSpreadOverMoreThanTheWindowDoNotCount() {
    usualWeek();
    Instant t = WEEK_START.plus(Duration.ofDays(8)).plus(Duration.ofHours(2));
    window(t, List.of(delay(1, t), delay(2, t)));
    Instant nextDay = t.plus(Duration.ofHours(25));
    window(nextDay, List.of(delay(3, nextDay)));
    assertThat(alerts).isEmpty();
  }
}
