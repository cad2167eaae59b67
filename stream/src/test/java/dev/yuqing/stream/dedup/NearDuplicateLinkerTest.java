package dev.yuqing.stream.dedup;

import static dev.yuqing.stream.Fixtures.BEGINNING;
import static dev.yuqing.stream.Fixtures.ONE_MINUTE_LATER;
import static dev.yuqing.stream.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.Post;
import dev.yuqing.stream.Ingested;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class NearDuplicateLinkerTest {
  private static final String LEAK = "昨晚下了一夜大雨，早上起来发现客厅天花板在滴水，墙角全是水渍，木地板都泡了。刚交房一天就漏水，华景地产的质量就这样？";

  private static KeyedOneInputStreamOperatorTestHarness<String, Ingested, Ingested> harness()
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new NearDuplicateLinker(Duration.ofDays(7), 6), NearDuplicateLinker::scope, Types.STRING);
  }

  private static Ingested in(Post p) {
    return new Ingested(p, 0, true);
  }

  @Test
  void repostsUnderOtherUrlsAndPunctuationAreLinkedToTheFirst() throws Exception {
    try (var h = harness()) {
      h.processElement(in(post("first", LEAK, BEGINNING)), 1);
      h.processElement(in(post("copy", LEAK.replaceAll("[，。？]", " "), ONE_MINUTE_LATER)), 2);
      h.processElement(in(post("quoted", "转：" + LEAK, ONE_MINUTE_LATER)), 3);
      h.processElement(
          in(post("other", "我家也是！主卧天花板渗水，墙皮已经鼓起来了，前天验房的时候还好好的。", ONE_MINUTE_LATER)), 4);

      List<Ingested> out = h.extractOutputValues();
      assertThat(out).extracting(Ingested::id).containsExactly("first", "copy", "quoted", "other");
      assertThat(out)
          .extracting(t -> t.post().repostOf())
          .containsExactly(null, "first", "first", null);
      assertThat(out).extracting(Ingested::counted).containsExactly(true, false, false, true);
    }
  }

  @Test
  void anOriginalSeenAfterItsRepostBecomesTheFirst() throws Exception {
    try (var h = harness()) {
      h.processElement(in(post("copy", LEAK.replaceAll("[，。？]", " "), ONE_MINUTE_LATER)), 1);
      h.processElement(in(post("first", LEAK, BEGINNING)), 2);
      h.processElement(in(post("third", "转：" + LEAK, ONE_MINUTE_LATER.plusSeconds(60))), 3);
      List<Ingested> out = h.extractOutputValues();
      assertThat(out)
          .extracting(t -> t.id() + "→" + t.post().repostOf() + (t.counted() ? "+" : ""))
          .containsExactly("copy→null+", "copy→first", "first→null", "third→first");
      // "copy" is written twice: the second write replaces its document, it adds none
      assertThat(out).extracting(Ingested::rewrite).containsExactly(false, true, false, false);
    }
  }

  @Test
  void shortRepliesFromDifferentPeopleAreNotReposts() throws Exception {
    try (var h = harness()) {
      Post a = post("a", "同问，我家也漏水", BEGINNING);
      Post b = post("b", "同问，我家也漏水", ONE_MINUTE_LATER);
      Post c = post("c", "同问！我家也漏水！", ONE_MINUTE_LATER).toBuilder().author(a.author()).build();
      h.processElement(in(a), 1);
      h.processElement(in(b), 2);
      h.processElement(in(c), 3);
      assertThat(h.extractOutputValues())
          .extracting(t -> t.post().repostOf())
          .containsExactly(null, null, "a");
    }
  }

  @Test
  void theSameTemplateWithAnotherFlatIsAnotherVoice() throws Exception {
    try (var h = harness()) {
      h.processElement(in(post("a", "1栋101室客厅天花板漏水，墙角全是水渍，刚交房就这样，质量太差了！", BEGINNING)), 1);
      h.processElement(in(post("b", "5栋129室客厅天花板漏水，墙角全是水渍，刚交房就这样，质量太差了！", ONE_MINUTE_LATER)), 2);
      h.processElement(in(post("c", "5栋129室客厅天花板漏水 墙角全是水渍 刚交房就这样 质量太差了", ONE_MINUTE_LATER)), 3);
      assertThat(h.extractOutputValues())
          .extracting(t -> t.post().repostOf())
          .containsExactly(null, null, "b");
    }
  }

  @Test
  void fingerprintsAreForgottenAfterTheTtl() throws Exception {
    try (var h = harness()) {
      h.setProcessingTime(0);
      h.processElement(in(post("first", LEAK, BEGINNING)), 1);
      // the daily sweep after the 7-day TTL has passed
      h.setProcessingTime(Duration.ofDays(8).toMillis());
      h.processElement(in(post("much-later", LEAK, ONE_MINUTE_LATER)), 2);
      assertThat(h.extractOutputValues()).extracting(Ingested::counted).containsExactly(true, true);
      assertThat(h.numKeyedStateEntries()).isLessThan(20);
    }
  }

  @Test
  void postsOfOtherProjectsAreNotLinked() throws Exception {
    try (var h = harness()) {
      h.processElement(in(post("a", LEAK, BEGINNING)), 1);
      Post elsewhere =
          post("b", LEAK, ONE_MINUTE_LATER).toBuilder().projects(List.of("云栖府")).build();
      h.processElement(in(elsewhere), 2);
      assertThat(h.extractOutputValues()).extracting(Ingested::counted).containsExactly(true, true);
    }
  }
}
