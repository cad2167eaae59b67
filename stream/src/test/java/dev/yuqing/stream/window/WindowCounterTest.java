package dev.yuqing.stream.window;

import static dev.yuqing.stream.Fixtures.BEGINNING;
import static dev.yuqing.stream.Fixtures.post;
import static dev.yuqing.stream.Fixtures.tagged;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Topic;
import dev.yuqing.stream.Tagged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class WindowCounterTest {
  private static final Duration WINDOW = Duration.ofMinutes(30);

  private static KeyedOneInputStreamOperatorTestHarness<String, Mention, WindowCount> harness()
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new WindowCounter(WINDOW, Duration.ofHours(2)), Mention::key, Types.STRING);
  }

  private static Mention negative(String id, Instant at) {
    Tagged t = tagged(post(id, "天花板漏水", at), SentimentLabel.NEGATIVE, Topic.QUALITY);
    return Mention.of(t).get(0);
  }

  @Test
  void aPostIsCountedUnderItsProjectAndEachTopic() {
    Tagged t =
        tagged(post("a", "漏水", BEGINNING), SentimentLabel.NEGATIVE, Topic.QUALITY, Topic.MEDIA);
    assertThat(Mention.of(t)).extracting(Mention::topic).containsExactly("全部", "房屋质量", "媒体曝光");
    assertThat(Mention.of(new Tagged(t.post(), 0, false))).isEmpty();
  }

  @Test
  void countsUpdateAtOnceAndCloseWithTheWatermark() throws Exception {
    try (var h = harness()) {
      h.processElement(negative("a", BEGINNING.plusSeconds(60)), 0);
      h.processElement(negative("b", BEGINNING.plusSeconds(120)), 0);
      h.processWatermark(BEGINNING.plus(WINDOW).toEpochMilli());
      List<WindowCount> out = h.extractOutputValues();
      assertThat(out).extracting(WindowCount::count).containsExactly(1L, 2L, 2L);
      assertThat(out)
          .extracting(WindowCount::kind)
          .containsExactly(
              WindowCount.Kind.COUNTED, WindowCount.Kind.COUNTED, WindowCount.Kind.CLOSED);
      assertThat(out.get(2).windowStart()).isEqualTo(BEGINNING.toEpochMilli());
    }
  }

  @Test
  void aLatePostIsCountedInItsOwnWindow() throws Exception {
    try (var h = harness()) {
      h.processElement(negative("a", BEGINNING.plusSeconds(60)), 0);
      h.processWatermark(BEGINNING.plus(Duration.ofHours(1)).toEpochMilli());
      h.processElement(negative("late", BEGINNING.plusSeconds(600)), 0);
      WindowCount last = h.extractOutputValues().get(h.extractOutputValues().size() - 1);
      assertThat(last.kind()).isEqualTo(WindowCount.Kind.LATE);
      assertThat(last.count()).isEqualTo(2);
      assertThat(last.windowStart()).isEqualTo(BEGINNING.toEpochMilli());
    }
  }

  @Test
  void windowsAreForgottenAfterTheLateness() throws Exception {
    try (var h = harness()) {
      h.processElement(negative("a", BEGINNING.plusSeconds(60)), 0);
      h.processWatermark(BEGINNING.plus(Duration.ofHours(3)).toEpochMilli());
      assertThat(h.numKeyedStateEntries()).isZero();
      h.processElement(negative("very-late", BEGINNING.plusSeconds(90)), 0);
      WindowCount last = h.extractOutputValues().get(h.extractOutputValues().size() - 1);
      assertThat(last.kind()).isEqualTo(WindowCount.Kind.LATE);
      assertThat(last.count()).isEqualTo(1);
    }
  }
}
