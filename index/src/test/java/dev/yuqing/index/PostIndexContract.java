package dev.yuqing.index;

import static dev.yuqing.index.Posts.MONDAY_9;
import static dev.yuqing.index.Posts.NEXT_MONDAY_9;
import static dev.yuqing.index.Posts.TUESDAY_9;
import static dev.yuqing.index.Posts.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.core.Script;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Signals;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Tagging;
import dev.yuqing.core.Topic;
import dev.yuqing.index.SearchRequest.Sort;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PostIndex} backend must do, on a small corpus written for the test. Each
 * backend runs it through a subclass ({@code LucenePostIndexTest}, {@code
 * ElasticsearchPostIndexIT}); the cross-backend comparison over real messages is {@code
 * BackendEquivalenceIT}.
 */
abstract class PostIndexContract {
  static final TaggedPost Q1 =
      post("q1")
          .title("3栋漏水严重")
          .text("交房才两个月，卫生间天花板漏水，墙面渗水发霉，物业一直推脱不来维修。")
          .author("业主老王")
          .at(MONDAY_9)
          .likes(10, 5)
          .negative()
          .topics(Topic.QUALITY, Topic.PROPERTY_MANAGEMENT)
          .keywords("漏水", "物业")
          .build();
  static final TaggedPost Q2 =
      post("q2")
          .title("客厅墙面裂缝")
          .text("验房时发现客厅墙面多处裂缝和空鼓，开发商说是正常现象。")
          .author("小李")
          .at(MONDAY_9.plusSeconds(3600))
          .likes(3, 1)
          .negative()
          .topics(Topic.QUALITY)
          .keywords("裂缝", "空鼓")
          .build();
  static final TaggedPost D1 =
      post("d1")
          .title("延期交房违约金什么时候给")
          .text("合同约定五月底交房，现在推迟了一个多月，违约金一直没有说法。")
          .author("业主老王")
          .at(TUESDAY_9)
          .likes(20, 12)
          .negative()
          .topics(Topic.DELAY, Topic.CONTRACT)
          .keywords("违约金", "交房")
          .build();
  static final TaggedPost M1 =
      post("m1")
          .title("周六上午九点售楼部门口集合")
          .text("各位业主，漏水问题拖了这么久，周六上午九点大家一起到售楼部门口集合维权！")
          .author("维权群主")
          .at(TUESDAY_9.plusSeconds(2 * 3600))
          .likes(50, 40)
          .negative()
          .topics(Topic.COLLECTIVE_ACTION, Topic.QUALITY)
          .keywords("集合", "维权", "漏水")
          .signals(
              new Signals(true, "周六上午九点", "售楼部门口", false, false, false, 0.8, List.of(), List.of()))
          .build();
  static final TaggedPost N1 =
      post("n1")
          .source("news")
          .title("翡翠湾项目交付仪式举行")
          .text("华景地产翡翠湾项目今日举行交付仪式，首批业主顺利收房。")
          .author("本地日报")
          .at(MONDAY_9.plusSeconds(3 * 3600))
          .positive()
          .topics(Topic.HANDOVER_PROCEDURE)
          .keywords("交付仪式", "收房")
          .build();
  static final TaggedPost T1 =
      post("t1")
          .title("衛生間漏水沒人管")
          .text("收房後發現衛生間漏水，物業說要等開發商處理。")
          .author("港澳業主")
          .at(TUESDAY_9.plusSeconds(5 * 3600))
          .negative()
          .topics(Topic.QUALITY)
          .keywords("漏水")
          .build();
  static final TaggedPost O1 =
      post("o1")
          .projects("云栖府")
          .title("小区门口道路施工噪音太大")
          .text("晚上十点还在施工，噪音影响休息，希望规划部门管一管。")
          .author("小李")
          .at(NEXT_MONDAY_9)
          .negative()
          .topics(Topic.SURROUNDINGS)
          .keywords("噪音", "施工")
          .build();
  static final TaggedPost X1 =
      post("x1")
          .title("<script>alert(1)</script>漏水")
          .text("楼上漏水 <b>很严重</b> & 无人处理")
          .at(NEXT_MONDAY_9.plusSeconds(3600))
          .negative()
          .topics(Topic.QUALITY)
          .keywords("漏水")
          .build();
  static final TaggedPost MEDIA =
      post("media")
          .title("已经联系电视台记者")
          .text("业主们已经联系了电视台记者，准备曝光翡翠湾的质量问题。")
          .author("业主老王")
          .at(NEXT_MONDAY_9.plusSeconds(2 * 3600))
          .likes(8, 3)
          .negative()
          .topics(Topic.MEDIA)
          .keywords("电视台", "曝光")
          .signals(new Signals(false, null, null, true, false, false, 0.5, List.of(), List.of()))
          .build();
  static final TaggedPost INQUIRY =
      post("inquiry")
          .title("请问产权证什么时候能办")
          .text("想问一下翡翠湾的产权证办理进度，有没有业主知道？")
          .author("新业主")
          .at(TUESDAY_9.plusSeconds(3600))
          .topics(Topic.CONTRACT)
          .keywords("产权证")
          .build();

  static final List<TaggedPost> CORPUS = List.of(Q1, Q2, D1, M1, N1, T1, O1, X1, MEDIA, INQUIRY);

  protected PostIndex index;

  /** A fresh, empty index of the backend under test. */
  abstract PostIndex open() throws Exception;

  @BeforeEach
  void load() throws Exception {
    index = open();
    index.upsert(CORPUS);
    index.commit();
  }

  @AfterEach
  void closeIndex() {
    if (index != null) {
      index.close();
    }
  }

  static List<String> ids(TaggedPost... posts) {
    List<String> ids = new ArrayList<>();
    for (TaggedPost p : posts) {
      ids.add(p.id());
    }
    return ids;
  }

  /** The post's second version, with another text and the same tags. */
  static TaggedPost editedText(TaggedPost t, String text) {
    return new TaggedPost(
        t.post().toBuilder().text(text).version(2).build(),
        t.sentiment(),
        t.topics(),
        t.keywords(),
        t.entities(),
        t.signals());
  }

  List<String> find(SearchRequest.Builder r) {
    return index.search(r.size(100).build()).ids();
  }

  @Test
  void upsertIsIdempotentAndReplacesByPostId() {
    assertThat(index.count()).isEqualTo(10);
    index.upsert(List.of(Q1, Q1, D1));
    TaggedPost edited = editedText(Q1, "已经修好了，谢谢物业");
    index.upsert(List.of(edited));
    index.commit();
    assertThat(index.count()).isEqualTo(10);
    assertThat(index.get(Q1.id())).contains(edited);
    assertThat(find(SearchRequest.builder().query("修好"))).containsExactly(Q1.id());
    assertThat(find(SearchRequest.builder().query("天花板"))).isEmpty();
  }

  @Test
  void taggingsAreWrittenAsUpsertWritesThem() {
    TaggedPost edited = editedText(D1, "违约金已经到账，开发商按合同赔付了。");
    index.upsertTagged(List.of(new Tagging(edited, null), new Tagging(Q2, null)));
    index.commit();
    assertThat(index.count()).isEqualTo(10);
    assertThat(index.get(D1.id())).contains(edited);
    assertThat(index.get(Q2.id())).contains(Q2);
    assertThat(find(SearchRequest.builder().query("到账"))).containsExactly(D1.id());
    assertThat(find(SearchRequest.builder().query("推迟"))).isEmpty();
  }

  @Test
  void getsPostsBackWhole() {
    assertThat(index.get(M1.id())).contains(M1);
    assertThat(index.get(T1.id()).orElseThrow().post().script()).isEqualTo(Script.SIMPLIFIED);
    assertThat(index.get("no-such-id")).isEmpty();
  }

  @Test
  void fullTextFindsSegmentedWordsInTitleAndText() {
    assertThat(find(SearchRequest.builder().query("漏水")))
        .containsExactlyInAnyOrderElementsOf(ids(Q1, M1, T1, X1));
    assertThat(find(SearchRequest.builder().query("裂缝"))).containsExactly(Q2.id());
    assertThat(find(SearchRequest.builder().query("电视台记者"))).containsExactly(MEDIA.id());
  }

  @Test
  void traditionalAndSimplifiedMatchEachOther() {
    assertThat(find(SearchRequest.builder().query("卫生间 漏水")))
        .containsExactlyInAnyOrderElementsOf(ids(Q1, T1));
    assertThat(find(SearchRequest.builder().query("衛生間")))
        .containsExactlyInAnyOrderElementsOf(ids(Q1, T1));
  }

  @Test
  void wordsAreAndedBarsAreOredMinusExcludes() {
    assertThat(find(SearchRequest.builder().query("交房 违约金"))).containsExactly(D1.id());
    assertThat(find(SearchRequest.builder().query("裂缝|违约金")))
        .containsExactlyInAnyOrderElementsOf(ids(Q2, D1));
    assertThat(find(SearchRequest.builder().query("漏水 -物业")))
        .containsExactlyInAnyOrderElementsOf(ids(M1, X1));
    assertThat(find(SearchRequest.builder().query("漏水 ｜ 裂缝 违约金"))).isEmpty();
    assertThat(find(SearchRequest.builder().query("楼盘烂尾"))).isEmpty();
  }

  @Test
  void filtersCombineWithTextAndEachOther() {
    assertThat(find(SearchRequest.builder().project("云栖府"))).containsExactly(O1.id());
    assertThat(find(SearchRequest.builder().sentiments(SentimentLabel.POSITIVE)))
        .containsExactly(N1.id());
    assertThat(find(SearchRequest.builder().topics(Topic.DELAY, Topic.MEDIA)))
        .containsExactlyInAnyOrderElementsOf(ids(D1, MEDIA));
    assertThat(find(SearchRequest.builder().sources("news"))).containsExactly(N1.id());
    assertThat(find(SearchRequest.builder().author("业主老王")))
        .containsExactlyInAnyOrderElementsOf(ids(Q1, D1, MEDIA));
    assertThat(find(SearchRequest.builder().signals(SignalKind.MOBILIZATION_TIME_PLACE)))
        .containsExactly(M1.id());
    assertThat(find(SearchRequest.builder().signals(SignalKind.MEDIA, SignalKind.MOBILIZATION)))
        .containsExactlyInAnyOrderElementsOf(ids(M1, MEDIA));
    assertThat(find(SearchRequest.builder().from(TUESDAY_9).to(NEXT_MONDAY_9)))
        .containsExactlyInAnyOrderElementsOf(ids(D1, M1, T1, INQUIRY));
    assertThat(
            find(
                SearchRequest.builder()
                    .query("漏水")
                    .project("翡翠湾")
                    .from(MONDAY_9)
                    .to(NEXT_MONDAY_9)
                    .topics(Topic.QUALITY)
                    .sentiments(SentimentLabel.NEGATIVE)))
        .containsExactlyInAnyOrderElementsOf(ids(Q1, M1, T1));
  }

  @Test
  void sortsByTimeEngagementAndRelevance() {
    assertThat(find(SearchRequest.builder()))
        .containsExactlyElementsOf(ids(MEDIA, X1, O1, T1, M1, INQUIRY, D1, N1, Q2, Q1));
    List<String> byEngagement = find(SearchRequest.builder().sort(Sort.ENGAGEMENT));
    assertThat(byEngagement.subList(0, 5)).containsExactlyElementsOf(ids(M1, D1, Q1, MEDIA, Q2));
    // ties (no engagement) newest first
    assertThat(byEngagement.subList(5, 10)).containsExactlyElementsOf(ids(X1, O1, T1, INQUIRY, N1));

    SearchResult relevance = index.search(SearchRequest.text("漏水", 10));
    assertThat(relevance.hits()).hasSize(4);
    for (int i = 1; i < relevance.hits().size(); i++) {
      assertThat(relevance.hits().get(i).score())
          .isGreaterThan(0)
          .isLessThanOrEqualTo(relevance.hits().get(i - 1).score());
    }
  }

  @Test
  void searchAfterPagesThroughEverythingOnce() {
    for (Sort sort : Sort.values()) {
      SearchRequest first = SearchRequest.builder().query(null).sort(sort).size(3).build();
      List<String> all = index.search(first.toBuilder().size(100).build()).ids();
      List<String> paged = new ArrayList<>();
      SearchResult page = index.search(first);
      int pages = 1;
      while (true) {
        paged.addAll(page.ids());
        assertThat(page.total()).isEqualTo(10);
        if (page.nextCursor() == null) {
          break;
        }
        page = index.search(first.toBuilder().after(page.nextCursor()).build());
        pages++;
      }
      assertThat(paged).as("sort %s", sort).containsExactlyElementsOf(all);
      assertThat(pages).isEqualTo(4);
    }
    SearchRequest one = SearchRequest.builder().query("漏水").size(1).build();
    List<String> paged = new ArrayList<>();
    for (SearchResult p = index.search(one); ; ) {
      paged.addAll(p.ids());
      if (p.nextCursor() == null) {
        break;
      }
      p = index.search(one.toBuilder().after(p.nextCursor()).build());
    }
    assertThat(paged).containsExactlyElementsOf(find(one.toBuilder()));
  }

  @Test
  void rejectsCursorsOfAnotherOrder() {
    String cursor = index.search(SearchRequest.all(2)).nextCursor();
    assertThatThrownBy(
            () ->
                index.search(
                    SearchRequest.builder().sort(Sort.ENGAGEMENT).after(cursor).size(2).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("after:");
    assertThatThrownBy(() -> index.search(SearchRequest.builder().after("garbage").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("after:");
  }

  @Test
  void highlightsMatchesAndEscapesTheRest() {
    SearchResult r = index.search(SearchRequest.text("漏水", 10));
    Map<String, String> q1 =
        r.hits().stream().filter(h -> h.post().equals(Q1)).findFirst().orElseThrow().highlights();
    assertThat(q1.get("title")).isEqualTo("3栋<em>漏水</em>严重");
    assertThat(q1.get("text")).contains("卫生间天花板<em>漏水</em>，墙面渗水");
    Map<String, String> x1 =
        r.hits().stream().filter(h -> h.post().equals(X1)).findFirst().orElseThrow().highlights();
    assertThat(x1.get("title")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;<em>漏水</em>");
    assertThat(x1.get("text")).isEqualTo("楼上<em>漏水</em> &lt;b&gt;很严重&lt;/b&gt; &amp; 无人处理");
    Map<String, String> t1 =
        r.hits().stream().filter(h -> h.post().equals(T1)).findFirst().orElseThrow().highlights();
    assertThat(t1.get("title")).isEqualTo("衛生間<em>漏水</em>沒人管");
    assertThat(index.search(SearchRequest.builder().query("漏水").build()).hits().get(0).highlights())
        .isEmpty();
  }

  @Test
  void aggregatesByDaySentimentTopicAuthorAndEngagement() {
    Aggregations a =
        index.aggregate(AggregationRequest.daily(SearchRequest.builder().project("翡翠湾").build()));
    assertThat(a.total()).isEqualTo(9);
    ZoneId china = AggregationRequest.CHINA;
    assertThat(a.timeline())
        .extracting(Aggregations.TimeBucket::start)
        .containsExactly(
            day("2025-06-02", china), day("2025-06-03", china), day("2025-06-09", china));
    assertThat(a.timeline()).extracting(Aggregations.TimeBucket::total).containsExactly(3L, 4L, 2L);
    assertThat(a.timeline())
        .extracting(Aggregations.TimeBucket::negative)
        .containsExactly(2L, 3L, 2L);
    assertThat(a.timeline().get(1).sentiments())
        .containsEntry(SentimentLabel.NEUTRAL, 1L)
        .containsEntry(SentimentLabel.POSITIVE, 0L);
    assertThat(a.sentiments())
        .containsEntry(SentimentLabel.NEGATIVE, 7L)
        .containsEntry(SentimentLabel.NEUTRAL, 1L)
        .containsEntry(SentimentLabel.POSITIVE, 1L);
    assertThat(a.topics().subList(0, 2))
        .containsExactly(new Aggregations.Bucket("房屋质量", 5), new Aggregations.Bucket("合同与产权", 2));
    assertThat(a.topics())
        .hasSize(7)
        .extracting(Aggregations.Bucket::count)
        .containsOnly(5L, 2L, 1L);
    assertThat(a.authors().get(0)).isEqualTo(new Aggregations.Bucket("业主老王", 3));
    assertThat(a.topAuthorsByEngagement().subList(0, 3))
        .containsExactly(
            new Aggregations.AuthorEngagement("维权群主", 1, 90),
            new Aggregations.AuthorEngagement("业主老王", 3, 58),
            new Aggregations.AuthorEngagement("小李", 1, 4));
    assertThat(a.keywords().get(0)).isEqualTo(new Aggregations.Bucket("漏水", 4));
    assertThat(a.sources())
        .containsExactly(new Aggregations.Bucket("forum", 8), new Aggregations.Bucket("news", 1));
    assertThat(a.projects()).containsExactly(new Aggregations.Bucket("翡翠湾", 9));

    Aggregations weekly =
        index.aggregate(
            new AggregationRequest(
                SearchRequest.builder().query("漏水").build(),
                AggregationRequest.Interval.WEEK,
                china,
                3));
    assertThat(weekly.total()).isEqualTo(4);
    assertThat(weekly.timeline())
        .extracting(Aggregations.TimeBucket::start)
        .containsExactly(day("2025-06-02", china), day("2025-06-09", china));
    assertThat(weekly.timeline())
        .extracting(Aggregations.TimeBucket::total)
        .containsExactly(3L, 1L);
    assertThat(weekly.keywords()).hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void deletesByQueryForRetention() {
    assertThatThrownBy(() -> index.delete(SearchRequest.all(10)))
        .isInstanceOf(IllegalArgumentException.class);
    long deleted = index.delete(SearchRequest.builder().to(TUESDAY_9).build());
    assertThat(deleted).isEqualTo(3);
    assertThat(index.count()).isEqualTo(7);
    assertThat(index.get(Q1.id())).isEmpty();
    assertThat(find(SearchRequest.builder().query("漏水")))
        .containsExactlyInAnyOrderElementsOf(ids(M1, T1, X1));
  }

  @Test
  void countsOnlyWhenSizeIsZero() {
    SearchResult r = index.search(SearchRequest.builder().query("漏水").size(0).build());
    assertThat(r.total()).isEqualTo(4);
    assertThat(r.hits()).isEmpty();
    assertThat(r.nextCursor()).isNull();
  }

  @Test
  void reportsStats() {
    IndexStats s = index.stats();
    assertThat(s.docs()).isEqualTo(10);
    assertThat(s.sizeBytes()).isPositive();
  }

  static Instant day(String isoDate, ZoneId zone) {
    return java.time.LocalDate.parse(isoDate).atStartOfDay(zone).toInstant();
  }
}
