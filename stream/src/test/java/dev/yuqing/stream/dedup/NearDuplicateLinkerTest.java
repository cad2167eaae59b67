package dev.yuqing.stream.dedup;

import static dev.yuqing.stream.Fixtures.BEGINNING;
import static dev.yuqing.stream.Fixtures.ONE_MINUTE_LATER;
import static dev.yuqing.stream.Fixtures.post;
import static dev.yuqing.stream.Fixtures.tagged;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.Post;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Topic;
import dev.yuqing.stream.Tagged;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class NearDuplicateLinkerTest {
  private static final String LEAK = "昨晚下了一夜大雨，早上起来发现客厅天花板在滴水，墙角全是水渍，木地板都泡了。刚交房一天就漏水，华景地产的质量就这样？";

  private static KeyedOneInputStreamOperatorTestHarness<String, Tagged, Tagged> harness()
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new NearDuplicateLinker(Duration.ofDays(7), 6), NearDuplicateLinker::scope, Types.STRING);
  }

  private static Tagged neg(Post p) {
    return tagged(p, SentimentLabel.NEGATIVE, Topic.QUALITY);
  }

  @Test
  void repostsUnderOtherUrlsAndPunctuationAreLinkedToTheFirst() throws Exception {
    try (var h = harness()) {
      h.processElement(neg(post("first", LEAK, BEGINNING)), 1);
      h.processElement(neg(post("copy", LEAK.replaceAll("[，。？]", " "), ONE_MINUTE_LATER)), 2);
      h.processElement(neg(post("quoted", "转：" + LEAK, ONE_MINUTE_LATER)), 3);
      h.processElement(
          neg(post("other", "我家也是！主卧天花板渗水，墙皮已经鼓起来了，前天验房的时候还好好的。", ONE_MINUTE_LATER)), 4);

      List<Tagged> out = h.extractOutputValues();
      assertThat(out).extracting(Tagged::id).containsExactly("first", "copy", "quoted", "other");
      assertThat(out)
          .extracting(t -> t.post().post().repostOf())
          .containsExactly(null, "first", "first", null);
      assertThat(out).extracting(Tagged::counted).containsExactly(true, false, false, true);
    }
  }

  @Test
  void anOriginalSeenAfterItsRepostBecomesTheFirst() throws Exception {
    try (var h = harness()) {
      h.processElement(neg(post("copy", LEAK.replaceAll("[，。？]", " "), ONE_MINUTE_LATER)), 1);
      h.processElement(neg(post("first", LEAK, BEGINNING)), 2);
      h.processElement(neg(post("third", "转：" + LEAK, ONE_MINUTE_LATER.plusSeconds(60))), 3);
      List<Tagged> out = h.extractOutputValues();
      assertThat(out)
          .extracting(t -> t.id() + "→" + t.post().post().repostOf() + (t.counted() ? "+" : ""))
          .containsExactly("copy→null+", "copy→first", "first→null", "third→first");
      // "copy" is written twice: the second write replaces its document, it adds none
      assertThat(out).extracting(Tagged::rewrite).containsExactly(false, true, false, false);
    }
  }

  @Test
  void shortRepliesFromDifferentPeopleAreNotReposts() throws Exception {
    try (var h = harness()) {
      Post a = post("a", "同问，我家也漏水", BEGINNING);
      Post b = post("b", "同问，我家也漏水", ONE_MINUTE_LATER);
      Post c = post("c", "同问！我家也漏水！", ONE_MINUTE_LATER).toBuilder().author(a.author()).build();
      h.processElement(neg(a), 1);
      h.processElement(neg(b), 2);
      h.processElement(neg(c), 3);
      assertThat(h.extractOutputValues())
          .extracting(t -> t.post().post().repostOf())
          .containsExactly(null, null, "a");
    }
  }

  @Test
  void theSameTemplateWithAnotherFlatIsAnotherVoice() throws Exception {
    try (var h = harness()) {
      h.processElement(neg(post("a", "1栋101室客厅天花板漏水，墙角全是水渍，刚交房就这样，质量太差了！", BEGINNING)), 1);
      h.processElement(neg(post("b", "5栋129室客厅天花板漏水，墙角全是水渍，刚交房就这样，质量太差了！", ONE_MINUTE_LATER)), 2);
      h.processElement(neg(post("c", "5栋129室客厅天花板漏水 墙角全是水渍 刚交房就这样 质量太差了", ONE_MINUTE_LATER)), 3);
      assertThat(h.extractOutputValues())
          .extracting(t -> t.post().post().repostOf())
          .containsExactly(null, null, "b");
    }
  }

  @Test
  void fingerprintsAreForgottenAfterTheTtl() throws Exception {
    try (var h = harness()) {
      h.setProcessingTime(0);
      h.processElement(neg(post("first", LEAK, BEGINNING)), 1);
      // the daily sweep after the 7-day TTL has passed
      h.setProcessingTime(Duration.ofDays(8).toMillis());
      h.processElement(neg(post("much-later", LEAK, ONE_MINUTE_LATER)), 2);
      assertThat(h.extractOutputValues()).extracting(Tagged::counted).containsExactly(true, true);
      assertThat(h.numKeyedStateEntries()).isLessThan(20);
    }
  }

  @Test
  void postsOfOtherProjectsAreNotLinked() throws Exception {
    try (var h = harness()) {
      h.processElement(neg(post("a", LEAK, BEGINNING)), 1);
      Post elsewhere =
          post("b", LEAK, ONE_MINUTE_LATER).toBuilder().projects(List.of("云栖府")).build();
      h.processElement(neg(elsewhere), 2);
      assertThat(h.extractOutputValues()).extracting(Tagged::counted).containsExactly(true, true);
    }
  }
}
