package dev.yuqing.alerts.rules;

import static dev.yuqing.alerts.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.alerts.Alerts;
import dev.yuqing.alerts.Fixtures;
import dev.yuqing.core.Alert;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Signals;
import dev.yuqing.core.Topic;
import dev.yuqing.core.config.AlertsConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEngineTest {
  static final Duration W = Duration.ofMinutes(30);
  final RuleEngine engine = new RuleEngine(AlertsConfig.DEFAULT, W);

  /** An engine state with something in every rule: a baseline, open incidents, a sighting. */
  EngineState busy(List<Alert> out) {
    EngineState s = engine.initialState();
    Instant t = Instant.parse("2024-06-10T02:00:00Z");
    var window = WindowSummary.of(PROJECT, t, t.plus(W), Fixtures.leakBurst(t, 3, "x"));
    var e = engine.onWindow(s, window);
    s = e.state();
    Signals gather =
        new Signals(true, "明天上午九点", "售楼处", false, false, false, 0.7, List.of(), List.of());
    Signals media = new Signals(false, null, null, true, false, false, 0.4, List.of(), List.of());
    for (var p :
        List.of(
            Fixtures.tagged(
                "g",
                "群主",
                t.plusSeconds(60),
                "明天上午九点售楼处集合",
                SentimentLabel.NEGATIVE,
                gather,
                Topic.COLLECTIVE_ACTION),
            Fixtures.tagged(
                "m",
                "业主甲",
                t.plusSeconds(120),
                "已联系电视台",
                SentimentLabel.NEGATIVE,
                media,
                Topic.MEDIA),
            Fixtures.tagged(
                "k",
                "业主乙",
                t.plusSeconds(180),
                "再不解决就跳楼",
                SentimentLabel.NEGATIVE,
                Signals.NONE,
                Topic.QUALITY))) {
      e = engine.onPost(s, PROJECT, p);
      s = e.state();
      out.addAll(e.alerts());
    }
    return s;
  }

  @Test
  void everyRuleIsFedAndTheEarliestWakeIsReported() {
    List<Alert> out = new ArrayList<>();
    EngineState s = busy(out);
    assertThat(out).extracting(Alert::rule).containsExactly("mobilization", "critical-words");
    assertThat(s.rules())
        .containsOnlyKeys(
            "negative-spike",
            "critical-words",
            "mobilization",
            "collective-act",
            "media",
            "new-topic");
    var e = engine.onTime(s, PROJECT, Instant.parse("2024-06-10T02:30:00Z"));
    assertThat(e.alerts()).isEmpty();
    assertThat(e.wakeAt()).isEqualTo(Instant.parse("2024-06-11T02:01:00Z")); // mobilization + 1d
  }

  @Test
  void theStateSurvivesJsonAndJavaSerialisation() throws Exception {
    EngineState s = busy(new ArrayList<>());
    EngineState json = EngineState.fromJson(s.toJson());
    assertThat(json).isEqualTo(s);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
      o.writeObject(s);
      o.writeObject(engine);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(s);
      RuleEngine shipped = (RuleEngine) in.readObject(); // as Flink ships a function
      assertThat(shipped.onTime(s, PROJECT, Instant.parse("2024-06-11T02:01:00Z")).alerts())
          .extracting(Alert::rule)
          .contains("mobilization");
    }
  }

  @Test
  void aRuleAddedToTheConfigStartsFreshAndARemovedOneIsForgotten() {
    EngineState s = busy(new ArrayList<>());
    RuleEngine fewer =
        new RuleEngine(
            Alerts.config(
                """
                rules:
                  - type: spike
                    name: negative-spike
                """),
            W);
    var e = fewer.onTime(s, PROJECT, Instant.parse("2024-06-10T03:00:00Z"));
    assertThat(e.state().rules()).containsOnlyKeys("negative-spike");
  }
}
