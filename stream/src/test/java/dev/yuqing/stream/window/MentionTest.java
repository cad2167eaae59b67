package dev.yuqing.stream.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.Post;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import dev.yuqing.stream.Fixtures;
import dev.yuqing.stream.Tagged;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionTest {
  @Test
  void aMentionCarriesThePostWithoutTheIndexWords() {
    Post p =
        Fixtures.post("m1", "楼上漏水三天没人管", Instant.parse("2024-06-10T02:31:00Z")).toBuilder()
            .projects(List.of("翡翠湾", "翡翠湾二期"))
            .build();
    TaggedPost tag = Fixtures.tag(p, SentimentLabel.NEGATIVE, Topic.QUALITY);
    TaggedPost withWords =
        new TaggedPost(p, tag.sentiment(), tag.topics(), List.of("漏水"), List.of(), tag.signals());
    Tagged t = new Tagged(withWords, List.of("楼上", "漏水", "三天"), 42, true, false);

    List<Mention> ms = Mention.of(t);

    assertThat(ms).extracting(Mention::project).containsExactly("翡翠湾", "翡翠湾二期");
    for (Mention m : ms) {
      assertThat(m.post().words()).isNull();
      assertThat(m.post().post()).isEqualTo(withWords);
      assertThat(m.post().post().keywords()).containsExactly("漏水");
      assertThat(m.post().ingestedAt()).isEqualTo(42);
    }
    assertThat(Mention.of(new Tagged(withWords, List.of("漏水"), 42, false, false)))
        .isEmpty(); // not counted
  }
}
