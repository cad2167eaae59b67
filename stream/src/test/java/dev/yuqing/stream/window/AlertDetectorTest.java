package dev.yuqing.stream.window;

import static dev.yuqing.stream.Fixtures.BEGINNING;
import static dev.yuqing.stream.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Post;
import dev.yuqing.core.Sentiment;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Signals;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import dev.yuqing.core.config.ProjectConfig;
import dev.yuqing.core.config.YuqingConfig;
import dev.yuqing.stream.ConfigSnapshot;
import dev.yuqing.stream.Tagged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The per-project windows and rules, fed literal event times. */
class AlertDetectorTest {
  private static final Duration WINDOW = Duration.ofMinutes(30);
  private static final ConfigSnapshot CONFIG =
      ConfigSnapshot.of(
          new YuqingConfig(
              List.of(new ProjectConfig("翡翠湾", null, null, null)),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null));
  private static final Instant AFTER_BURST =
      BEGINNING.plus(Duration.ofMinutes(35L * 100)).plus(Duration.ofHours(1));

  private static KeyedOneInputStreamOperatorTestHarness<String, Mention, Alert> harness()
      throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new AlertDetector(CONFIG, WINDOW, Duration.ofHours(6))),
        Mention::project,
        Types.STRING);
  }

  private static Mention mention(String id, String text, SentimentLabel label, Instant at) {
    Post p = post(id, text, at);
    TaggedPost t =
        new TaggedPost(
            p,
            new Sentiment(label, 0.9),
            List.of(Topic.QUALITY),
            List.of("漏水"),
            List.of(),
            Signals.NONE);
    return new Mention("翡翠湾", new Tagged(t, null, System.currentTimeMillis(), true, false));
  }

  private static void feed(
      KeyedOneInputStreamOperatorTestHarness<String, Mention, Alert> h, Mention m)
      throws Exception {
    h.processElement(new StreamRecord<>(m, m.post().eventTime()));
  }

  /** Two and a half quiet days (the spike rule learns); returns the watermark reached. */
  private static Instant quiet(KeyedOneInputStreamOperatorTestHarness<String, Mention, Alert> h)
      throws Exception {
    Instant t = BEGINNING;
    for (int i = 0; i < 100; i++) {
      feed(h, mention("calm-" + i, "小区绿化不错", SentimentLabel.POSITIVE, t));
      t = t.plus(Duration.ofMinutes(35));
      h.processWatermark(t.toEpochMilli());
    }
    return t; // 2025-06-17T10:20Z, in the window [10:00, 10:30)
  }

  private static Mention leak(int i, Instant at) {
    return mention("leak-" + i, i + "栋天花板漏水，太气人了", SentimentLabel.NEGATIVE, at);
  }

  /** The quiet days, then ten complaints in one half hour: leak-0 … leak-9, a minute apart. */
  private static void quietThenBurst(
      KeyedOneInputStreamOperatorTestHarness<String, Mention, Alert> h) throws Exception {
    Instant t = quiet(h);
    for (int i = 0; i < 10; i++) {
      feed(h, leak(i, t.plusSeconds(60 * i)));
    }
  }

  private static List<Alert> spikes(List<Alert> all) {
    return all.stream().filter(a -> a.ruleType().equals("spike")).toList();
  }

  @Test
  void aBurstAlertsWhileItsWindowIsOpenAndNotAgainWhenItCloses() throws Exception {
    try (var h = harness()) {
      h.open();
      Instant t = quiet(h);
      for (int i = 0; i < 4; i++) {
        feed(h, leak(i, t.plusSeconds(60 * i)));
      }
      assertThat(spikes(h.extractOutputValues())).isEmpty();
      // the fifth complaint reaches the spike rule's minimum: it alerts now, at 10:24
      feed(h, leak(4, t.plusSeconds(240)));
      List<Alert> spikes = spikes(h.extractOutputValues());
      assertThat(spikes).hasSize(1);
      assertThat(spikes.get(0).project()).isEqualTo("翡翠湾");
      assertThat(spikes.get(0).count()).isEqualTo(5);
      assertThat(spikes.get(0).updatedAt()).isEqualTo(t.plusSeconds(240));
      for (int i = 5; i < 10; i++) {
        feed(h, leak(i, t.plusSeconds(60 * i)));
      }
      h.processWatermark(AFTER_BURST.toEpochMilli());
      assertThat(spikes(h.extractOutputValues()))
          .extracting(a -> a.id() + "#" + a.revision())
          .containsExactly(spikes.get(0).id() + "#1");
    }
  }

  /**
   * A burst in the first minutes of a window, while the window before is still open (the watermark
   * is behind): it waits for the watermark to reach its window, not for its window to close, and
   * the posts the earlier window gets meanwhile still count there.
   */
  @Test
  void aBurstBeforeTheWatermarkReachesItsWindowAlertsWhenItDoes() throws Exception {
    try (var h = harness()) {
      h.open();
      Instant t = quiet(h); // watermark 10:20
      Instant next = Instant.parse("2025-06-17T10:30:00Z");
      feed(h, mention("n-0", "楼道墙皮脱落", SentimentLabel.NEGATIVE, t.plusSeconds(60)));
      for (int i = 0; i < 6; i++) {
        feed(h, leak(i, next.plusSeconds(60 + 60 * i)));
      }
      // on time for [10:00, 10:30): the watermark is still at 10:20
      feed(h, mention("n-1", "车库积水没人管", SentimentLabel.NEGATIVE, t.plusSeconds(300)));
      assertThat(spikes(h.extractOutputValues())).isEmpty();

      h.processWatermark(next.plusSeconds(60).toEpochMilli());
      List<Alert> spikes = spikes(h.extractOutputValues());
      assertThat(spikes).hasSize(1);
      assertThat(spikes.get(0).firstAt()).isEqualTo(next);
      assertThat(spikes.get(0).count()).isEqualTo(6);
      // the rule saw the window before with both of its posts, not as an empty one
      assertThat(spikes.get(0).trend())
          .anySatisfy(
              p -> {
                assertThat(p.start()).isEqualTo(next.minus(WINDOW));
                assertThat(p.count()).isEqualTo(2);
              });

      h.processWatermark(next.plus(Duration.ofHours(2)).toEpochMilli());
      assertThat(spikes(h.extractOutputValues())).hasSize(1);
    }
  }

  /**
   * The watermark far behind (two earlier windows still open, as in a backlog): the burst's
   * judgement waits for the watermark without trying a copy, and the windows before it keep their
   * posts.
   */
  @Test
  void aBurstFarAheadOfTheWatermarkWaitsForIt() throws Exception {
    try (var h = harness()) {
      h.open();
      Instant t = quiet(h); // watermark 10:20
      Instant later = Instant.parse("2025-06-17T11:00:00Z");
      feed(h, mention("n-0", "楼道墙皮脱落", SentimentLabel.NEGATIVE, t.plusSeconds(60)));
      feed(h, mention("n-1", "车库积水没人管", SentimentLabel.NEGATIVE, later.minusSeconds(1500)));
      for (int i = 0; i < 6; i++) {
        feed(h, leak(i, later.plusSeconds(60 + 60 * i)));
      }
      feed(h, mention("n-2", "电梯又坏了", SentimentLabel.NEGATIVE, t.plusSeconds(300)));
      assertThat(spikes(h.extractOutputValues())).isEmpty();

      h.processWatermark(later.plusSeconds(60).toEpochMilli());
      List<Alert> spikes = spikes(h.extractOutputValues());
      assertThat(spikes).hasSize(1);
      assertThat(spikes.get(0).firstAt()).isEqualTo(later);
      assertThat(spikes.get(0).count()).isEqualTo(6);
      assertThat(spikes.get(0).trend())
          .anySatisfy(
              p -> {
                assertThat(p.start()).isEqualTo(Instant.parse("2025-06-17T10:00:00Z"));
                assertThat(p.count()).isEqualTo(2);
              });
    }
  }

  @Test
  void rulesAndWindowsSurviveARestoreAndAlertsKeepTheirIds() throws Exception {
    OperatorSubtaskState snapshot;
    List<String> afterSnapshot;
    Instant t;
    try (var h = harness()) {
      h.open();
      t = quiet(h);
      for (int i = 0; i < 3; i++) {
        feed(h, leak(i, t.plusSeconds(60 * i)));
      }
      snapshot = h.snapshot(1, 1);
      int before = h.extractOutputValues().size();
      for (int i = 3; i < 10; i++) {
        feed(h, leak(i, t.plusSeconds(60 * i)));
      }
      h.processWatermark(AFTER_BURST.toEpochMilli());
      List<Alert> all = h.extractOutputValues();
      afterSnapshot =
          all.subList(before, all.size()).stream().map(a -> a.id() + "#" + a.revision()).toList();
    }
    assertThat(afterSnapshot).isNotEmpty();
    // the restored job replays what came after the checkpoint: the same decisions, same ids
    try (var h = harness()) {
      h.initializeState(snapshot);
      h.open();
      for (int i = 3; i < 10; i++) {
        feed(h, leak(i, t.plusSeconds(60 * i)));
      }
      h.processWatermark(AFTER_BURST.toEpochMilli());
      assertThat(h.extractOutputValues())
          .extracting(a -> a.id() + "#" + a.revision())
          .containsExactlyElementsOf(afterSnapshot);
    }
  }

  @Test
  void theEndOfTheInputJudgesWindowsButResolvesNothing() throws Exception {
    try (var h = harness()) {
      h.open();
      quietThenBurst(h);
      h.processWatermark(Long.MAX_VALUE);
      List<Alert> out = h.extractOutputValues();
      assertThat(spikes(out)).isNotEmpty();
      assertThat(out).noneMatch(a -> a.state() == AlertState.RESOLVED);
    }
  }

  @Test
  void aLatePostIsCountedInItsOwnWindow() throws Exception {
    try (var h = harness()) {
      h.open();
      feed(h, mention("a", "天花板漏水", SentimentLabel.NEGATIVE, BEGINNING.plusSeconds(60)));
      h.processWatermark(BEGINNING.plus(Duration.ofHours(1)).toEpochMilli());
      feed(h, mention("late", "墙面渗水", SentimentLabel.NEGATIVE, BEGINNING.plusSeconds(600)));
      List<WindowCount> counts =
          h.getSideOutput(AlertDetector.COUNTS).stream().map(StreamRecord::getValue).toList();
      WindowCount closed =
          counts.stream()
              .filter(c -> !c.late() && c.topic().equals(WindowCount.ALL_TOPICS))
              .findFirst()
              .orElseThrow();
      WindowCount late =
          counts.stream()
              .filter(c -> c.late() && c.topic().equals(WindowCount.ALL_TOPICS))
              .findFirst()
              .orElseThrow();
      assertThat(closed.count()).isEqualTo(1);
      assertThat(late.count()).isEqualTo(2);
      assertThat(late.windowStart()).isEqualTo(BEGINNING.toEpochMilli());
    }
  }
}
