package dev.yuqing.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.analysis.HandoverTagger;
import dev.yuqing.analysis.SearchTextAnalysis;
import dev.yuqing.core.Post;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.SharedData;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.index.AggregationRequest.Interval;
import dev.yuqing.index.SearchRequest.Sort;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two backends give identical results: real housing messages of one quarter (2019-04 to
 * 2019-06, China time: four monthly Elasticsearch indices in UTC) tagged by the real {@link
 * HandoverTagger}, loaded into Lucene and into a real Elasticsearch 7.17 node; every query must
 * return the same total, the same hit ids in the same order and the same scores, and every
 * aggregation the same buckets.
 */
class BackendEquivalenceIT {
  static final Instant FROM = Instant.parse("2019-03-31T16:00:00Z");
  static final Instant TO = Instant.parse("2019-06-30T16:00:00Z");

  @TempDir static Path tmp;
  static EsNode node;
  static PostIndex lucene;
  static PostIndex elastic;
  static List<TaggedPost> corpus;
  static String busiestProject;
  static String busiestAuthor;

  @BeforeAll
  static void load() {
    Assumptions.assumeTrue(
        HousingMessages.file().isPresent(), SharedData.missingReason(HousingMessages.FILE));
    HandoverTagger tagger = HandoverTagger.create();
    corpus = new ArrayList<>();
    for (Post p : HousingMessages.read(HousingMessages.file().get())) {
      if (!p.publishedAt().isBefore(FROM) && p.publishedAt().isBefore(TO)) {
        corpus.add(tagger.tag(p));
      }
    }
    node = EsNode.started(tmp.resolve("es"));
    lucene = PostIndexes.lucene(tmp.resolve("lucene"), SearchTextAnalysis.get());
    elastic =
        ElasticsearchPostIndex.open(
            ElasticsearchPostIndexIT.config(node.url(), "yuqing-eq"),
            tmp.resolve("data"),
            Secrets.of(Map.of()),
            false,
            SearchTextAnalysis.get());
    for (PostIndex index : List.of(lucene, elastic)) {
      index.upsert(corpus);
      index.commit();
    }
    Aggregations all = lucene.aggregate(AggregationRequest.daily(SearchRequest.all(1)));
    busiestProject = all.projects().get(0).key();
    busiestAuthor = all.authors().get(0).key();
  }

  @AfterAll
  static void close() {
    for (AutoCloseable c : new AutoCloseable[] {lucene, elastic, node}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          // best effort: the next one must still close
        }
      }
    }
  }

  @Test
  void bothHoldTheWholeCorpus() {
    assertThat(corpus).hasSizeGreaterThan(500);
    assertThat(lucene.count()).isEqualTo(corpus.size());
    assertThat(elastic.count()).isEqualTo(corpus.size());
    // monthly indices are cut in UTC: China's 1 April 00:00-08:00 still falls in March
    assertThat(elastic.stats().parts()).isEqualTo(4);
  }

  static Stream<SearchRequest> queries() {
    Instant may = Instant.parse("2019-04-30T16:00:00Z");
    Instant june = Instant.parse("2019-05-31T16:00:00Z");
    return Stream.of(
        q("漏水"),
        q("物业"),
        q("物业费"),
        q("开发商 交房"),
        q("物业费|停车费"),
        q("噪音 -施工"),
        q("学校|学位"),
        q("违约金"),
        q("业主 维权"),
        q("房产证|产权证|不动产证"),
        q("电梯"),
        q("小区 绿化"),
        q("退房"),
        q("12345"),
        q("拆迁 补偿"),
        q("質量 問題"),
        q("装修 -物业"),
        q("停车位 收费"),
        q("漏水").toBuilder().sort(Sort.TIME).build(),
        q("物业").toBuilder().sort(Sort.ENGAGEMENT).build(),
        q("业主").toBuilder().from(may).to(june).build(),
        q("开发商").toBuilder().sentiments(SentimentLabel.NEGATIVE).build(),
        q(null).toBuilder().topics(Topic.QUALITY).build(),
        q(null).toBuilder()
            .topics(Topic.PROPERTY_MANAGEMENT, Topic.SURROUNDINGS)
            .sort(Sort.ENGAGEMENT)
            .build(),
        q(null).toBuilder().sentiments(SentimentLabel.POSITIVE, SentimentLabel.NEUTRAL).build(),
        q(null).toBuilder().signals(SignalKind.values()).build(),
        q(null).toBuilder().sources("tipdm-a4").from(may).build(),
        q("小区").toBuilder().sources("tipdm-a3").to(may).topics(Topic.QUALITY, Topic.DELAY).build());
  }

  private static SearchRequest q(String text) {
    return SearchRequest.builder().query(text).size(50).highlight(true).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void sameHitsInTheSameOrder(SearchRequest r) {
    SearchResult a = lucene.search(r);
    SearchResult b = elastic.search(r);
    assertThat(a.total()).as("some hits, or the query proves nothing").isPositive();
    assertThat(b.total()).isEqualTo(a.total());
    assertThat(b.ids()).containsExactlyElementsOf(a.ids());
    for (int i = 0; i < a.hits().size(); i++) {
      assertThat(b.hits().get(i).score()).isEqualTo(a.hits().get(i).score());
      assertThat(b.hits().get(i).highlights()).isEqualTo(a.hits().get(i).highlights());
    }
    assertThat(b.nextCursor() == null).isEqualTo(a.nextCursor() == null);
    System.out.printf(
        "equivalence: %-60s total=%d first=%s%n",
        describe(r), a.total(), a.ids().isEmpty() ? "-" : a.ids().get(0));
  }

  @Test
  void filtersByTheBusiestProjectAndAuthor() {
    for (SearchRequest r :
        List.of(
            q(null).toBuilder().project(busiestProject).build(),
            q(null).toBuilder().author(busiestAuthor).sort(Sort.ENGAGEMENT).build())) {
      SearchResult a = lucene.search(r);
      assertThat(a.total()).isGreaterThan(1);
      assertThat(elastic.search(r).ids()).containsExactlyElementsOf(a.ids());
    }
  }

  @Test
  void pagingVisitsTheSameHitsOnBoth() {
    for (Sort sort : Sort.values()) {
      SearchRequest first = SearchRequest.builder().query("业主").sort(sort).size(37).build();
      assertThat(pages(elastic, first)).containsExactlyElementsOf(pages(lucene, first));
    }
  }

  private static List<String> pages(PostIndex index, SearchRequest first) {
    List<String> ids = new ArrayList<>();
    SearchResult page = index.search(first);
    while (true) {
      ids.addAll(page.ids());
      if (page.nextCursor() == null) {
        return ids;
      }
      page = index.search(first.toBuilder().after(page.nextCursor()).build());
    }
  }

  @Test
  void sameAggregationBuckets() {
    List<AggregationRequest> requests =
        List.of(
            new AggregationRequest(
                SearchRequest.all(1), Interval.DAY, AggregationRequest.CHINA, 10),
            new AggregationRequest(
                SearchRequest.all(1), Interval.WEEK, AggregationRequest.CHINA, 25),
            new AggregationRequest(
                SearchRequest.builder().query("物业").build(),
                Interval.HOUR,
                java.time.ZoneId.of("UTC"),
                5),
            new AggregationRequest(
                SearchRequest.builder().sentiments(SentimentLabel.NEGATIVE).build(),
                Interval.DAY,
                AggregationRequest.CHINA,
                20));
    for (AggregationRequest r : requests) {
      Aggregations a = lucene.aggregate(r);
      Aggregations b = elastic.aggregate(r);
      assertThat(a.total()).isPositive();
      assertThat(a.timeline()).isNotEmpty();
      assertThat(a.keywords()).isNotEmpty();
      assertThat(b).isEqualTo(a);
    }
  }

  @Test
  void deletingByQueryRemovesTheSamePosts() {
    SearchRequest old =
        SearchRequest.builder().query("噪音").to(Instant.parse("2019-04-15T00:00:00Z")).build();
    long n = lucene.search(old.toBuilder().size(0).build()).total();
    assertThat(n).isPositive();
    assertThat(lucene.delete(old)).isEqualTo(n);
    assertThat(elastic.delete(old)).isEqualTo(n);
    assertThat(elastic.count()).isEqualTo(lucene.count()).isEqualTo(corpus.size() - n);
    // put them back for the other tests
    List<TaggedPost> back = new ArrayList<>();
    for (TaggedPost p : corpus) {
      back.add(p);
    }
    for (PostIndex index : List.of(lucene, elastic)) {
      index.upsert(back);
      index.commit();
    }
  }

  private static String describe(SearchRequest r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.query() == null ? "*" : r.query()).append(" sort=").append(r.sort());
    if (!r.topics().isEmpty()) {
      sb.append(" topics=").append(r.topics());
    }
    if (!r.sentiments().isEmpty()) {
      sb.append(" sentiments=").append(r.sentiments());
    }
    if (!r.signals().isEmpty()) {
      sb.append(" signals");
    }
    if (!r.sources().isEmpty()) {
      sb.append(" sources=").append(r.sources());
    }
    if (r.from() != null || r.to() != null) {
      sb.append(" time");
    }
    return sb.toString();
  }
}
