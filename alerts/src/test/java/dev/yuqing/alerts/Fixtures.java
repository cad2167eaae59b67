package dev.yuqing.alerts;

import dev.yuqing.core.Ids;
import dev.yuqing.core.Post;
import dev.yuqing.core.Sentiment;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Signals;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import java.time.Instant;
import java.util.List;

/** Posts for rule and mail tests. The texts are our own, written for these tests. */
public final class Fixtures {
  public static final String PROJECT = "翡翠湾";

  /** Monday 2024-06-03 00:00 in Asia/Shanghai. */
  public static final Instant WEEK_START = Instant.parse("2024-06-02T16:00:00Z");

  private Fixtures() {}

  public static TaggedPost negative(
      String locator, String author, Instant at, String text, Topic... topics) {
    return tagged(locator, author, at, text, SentimentLabel.NEGATIVE, Signals.NONE, topics);
  }

  public static TaggedPost tagged(
      String locator,
      String author,
      Instant at,
      String text,
      SentimentLabel label,
      Signals signals,
      Topic... topics) {
    String url = "http://bbs.example.com/thread/" + locator;
    Post p =
        Post.builder()
            .id(Ids.postId("forum", url))
            .sourceId("forum")
            .url(url)
            .title(null)
            .text(text)
            .author(author)
            .publishedAt(at)
            .fetchedAt(at.plusSeconds(60))
            .projects(List.of(PROJECT))
            .evidenceId("urn:uuid:" + Ids.sha256Hex(url).substring(0, 8))
            .build();
    List<String> keywords = text.contains("漏水") ? List.of("漏水", "天花板") : List.of("物业");
    return new TaggedPost(
        p, new Sentiment(label, 0.9), List.of(topics), keywords, List.of(), signals);
  }

  /** Twelve homeowners about leaking ceilings, one every 2.5 minutes from {@code from}. */
  public static List<TaggedPost> leakBurst(Instant from, int n, String tag) {
    String[] texts = {
      "3栋1802卫生间漏水，天花板一直滴水，找物业三天没人来",
      "我家也是漏水！刚收房一个月，客厅吊顶泡了",
      "楼上漏水到我家，开发商说是防水没做好，什么时候修？",
      "又一户漏水，整栋楼防水都有问题吧",
      "厨房顶上漏水，墙皮都掉了，交房前验房根本没发现",
      "漏水漏到电箱，孩子在家很危险，物业还在推",
    };
    return java.util.stream.IntStream.range(0, n)
        .mapToObj(
            i ->
                negative(
                    "leak-" + tag + "-" + i,
                    "业主" + tag + i,
                    from.plusSeconds(150L * i),
                    texts[i % texts.length],
                    Topic.QUALITY))
        .toList();
  }
}
