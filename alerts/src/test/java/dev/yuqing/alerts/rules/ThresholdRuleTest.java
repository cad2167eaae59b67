package dev.yuqing.alerts.rules;

import static dev.yuqing.alerts.Fixtures.PROJECT;
import static dev.yuqing.alerts.Fixtures.WEEK_START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.alerts.Fixtures;
import dev.yuqing.core.Alert;
import dev.yuqing.core.Grade;
import dev.yuqing.core.Topic;
import dev.yuqing.core.config.AlertsConfig;
import dev.yuqing.core.config.ThresholdRuleConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdRuleTest {
  static final Duration W = Duration.ofMinutes(30);
  static final RuleContext CTX = RuleContext.of(AlertsConfig.DEFAULT, W);

  @Test
  void countsOverASlidingWindowOfSeveralStreamWindows() {
    ThresholdRule rule =
        new ThresholdRule(
            new ThresholdRuleConfig("daily", Duration.ofHours(2), 6, null, null, null, null, null),
            CTX);
    CountRuleState s = rule.initialState();
    List<Alert> out = new ArrayList<>();
    // two negative posts in each of three consecutive half hours: 6 within two hours
    for (int i = 0; i < 3; i++) {
      Instant start = WEEK_START.plus(W.multipliedBy(i));
      var posts =
          List.of(
              Fixtures.negative(
                  "p" + i + "a",
                  "甲" + i,
                  start.plusSeconds(60),
                  "电梯坏了一周",
                  Topic.PROPERTY_MANAGEMENT),
              Fixtures.negative(
                  "p" + i + "b",
                  "乙" + i,
                  start.plusSeconds(120),
                  "电梯又停了",
                  Topic.PROPERTY_MANAGEMENT));
      var e = rule.onWindow(s, WindowSummary.of(PROJECT, start, start.plus(W), posts));
      s = e.state();
      out.addAll(e.alerts());
    }
    assertThat(out)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.grade()).isEqualTo(Grade.NOTICE);
              assertThat(a.count()).isEqualTo(6);
              assertThat(a.headline()).isEqualTo("2小时内负面帖6条，达到阈值6条");
              assertThat(a.firstAt())
                  .isEqualTo(WEEK_START.minus(W)); // the 2-hour window ending 01:30
              assertThat(Double.isNaN(a.baseline())).isTrue();
            });
  }

  @Test
  void aRuleWindowMustBeAMultipleOfTheStreamWindow() {
    assertThatThrownBy(
            () ->
                new ThresholdRule(
                    new ThresholdRuleConfig(
                        "odd", Duration.ofMinutes(45), 3, null, null, null, null, null),
                    CTX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alerts.rules[odd].window: PT45M is not a multiple of stream.window PT30M");
  }
}
