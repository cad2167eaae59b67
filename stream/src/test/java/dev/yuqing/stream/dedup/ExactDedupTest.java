package dev.yuqing.stream.dedup;

import static dev.yuqing.stream.Fixtures.BEGINNING;
import static dev.yuqing.stream.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.Post;
import dev.yuqing.stream.Ingested;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class ExactDedupTest {

  private static KeyedOneInputStreamOperatorTestHarness<String, Ingested, Ingested> harness()
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new ExactDedup(Duration.ofDays(1)), i -> i.post().id(), Types.STRING);
  }

  private static Ingested in(Post p) {
    return new Ingested(p, 0, true);
  }

  @Test
  void aRecrawledPostIsDroppedAnEditPassesUncounted() throws Exception {
    try (var h = harness()) {
      Post first = post("a", "客厅天花板漏水", BEGINNING);
      h.processElement(in(first), 1);
      h.processElement(in(first), 2);
      h.processElement(in(first.toBuilder().text("客厅天花板漏水，物业还没来").build()), 3);
      h.processElement(in(post("b", "客厅天花板漏水", BEGINNING)), 4);

      List<Ingested> out = h.extractOutputValues();
      assertThat(out).extracting(i -> i.post().id()).containsExactly("a", "a", "b");
      assertThat(out).extracting(Ingested::counted).containsExactly(true, false, true);
      assertThat(out).extracting(Ingested::rewrite).containsExactly(false, true, false);
      assertThat(out.get(1).post().version()).isEqualTo(2);
    }
  }

  @Test
  void whatWasSeenSurvivesARestore() throws Exception {
    Post first = post("a", "客厅天花板漏水", BEGINNING);
    OperatorSubtaskState snapshot;
    try (var h = harness()) {
      h.processElement(in(first), 1);
      snapshot = h.snapshot(1, 10);
    }
    try (var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new ExactDedup(Duration.ofDays(1))),
            (Ingested i) -> i.post().id(),
            Types.STRING)) {
      h.initializeState(snapshot);
      h.open();
      h.processElement(in(first), 2);
      assertThat(h.extractOutputValues()).isEmpty();
    }
  }
}
