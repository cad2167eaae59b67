package dev.yuqing.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.analysis.SearchTextAnalysis;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Tagging;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LucenePostIndexTest extends PostIndexContract {
  @TempDir Path dir;

  @Override
  PostIndex open() {
    return PostIndexes.lucene(dir.resolve("index"), SearchTextAnalysis.get());
  }

  @Test
  void keywordsOfAllPostsCountedFromTermsMatchThoseCountedPostByPost() {
    SearchRequest all = SearchRequest.all(0);
    // the same posts, but a filter: counted post by post
    SearchRequest filtered = SearchRequest.builder().from(java.time.Instant.EPOCH).build();
    assertThat(
            LuceneAggregator.matchesAll(
                LuceneQueries.query(all, TextQuery.parse(null, SearchTextAnalysis.get()))))
        .isTrue();
    assertThat(
            LuceneAggregator.matchesAll(
                LuceneQueries.query(filtered, TextQuery.parse(null, SearchTextAnalysis.get()))))
        .isFalse();
    Aggregations before = everyKeyword(all);
    assertThat(before.keywords()).isNotEmpty();
    assertThat(before.keywords()).isEqualTo(everyKeyword(filtered).keywords());
    // a replaced post leaves a deleted document behind: that segment is counted post by post
    TaggedPost moved = Posts.post("kw").keywords("漏水", "空鼓").build();
    index.upsert(List.of(moved));
    index.commit();
    index.upsert(List.of(Posts.post("kw").keywords("空鼓").build()));
    index.commit();
    Aggregations after = everyKeyword(all);
    assertThat(after.keywords())
        .isEqualTo(everyKeyword(filtered).keywords())
        .contains(new Aggregations.Bucket("空鼓", count(before, "空鼓") + 1));
    assertThat(count(after, "漏水")).isEqualTo(count(before, "漏水"));
  }

  private Aggregations everyKeyword(SearchRequest r) {
    return index.aggregate(
        new AggregationRequest(r, AggregationRequest.Interval.DAY, AggregationRequest.CHINA, 1000));
  }

  private static long count(Aggregations a, String keyword) {
    return a.keywords().stream()
        .filter(b -> b.key().equals(keyword))
        .mapToLong(Aggregations.Bucket::count)
        .findFirst()
        .orElse(0);
  }

  @Test
  void committedPostsSurviveReopeningAndReadersSeeOnlyCommits() {
    index.close();
    try (PostIndex writer = PostIndexes.lucene(dir.resolve("index"), SearchTextAnalysis.get());
        PostIndex reader =
            PostIndexes.luceneReadOnly(dir.resolve("index"), SearchTextAnalysis.get())) {
      assertThat(reader.count()).isEqualTo(10);
      TaggedPost extra = Posts.post("extra").title("电梯又坏了").text("电梯停了三天没人修。").build();
      writer.upsert(List.of(extra));
      assertThat(reader.get(extra.id())).isEmpty();
      writer.commit();
      reader.commit(); // for a read-only index: refresh to the newest commit
      assertThat(reader.get(extra.id())).contains(extra);
      assertThatThrownBy(() -> reader.upsert(List.of(extra)))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> reader.upsertTagged(List.of(new Tagging(extra, null))))
          .isInstanceOf(UnsupportedOperationException.class);
    }
    index = null;
  }

  @Test
  void aCommitWithNothingNewWritesNoCommitPoint() throws Exception {
    index.commit();
    long first = commitGeneration();
    index.commit(); // what the job does at a checkpoint when no post came in
    index.commit();
    assertThat(commitGeneration()).isEqualTo(first);
    TaggedPost fresh = Posts.post("new").title("外墙渗水").text("下雨后外墙渗水。").build();
    index.upsert(List.of(fresh));
    index.commit();
    assertThat(commitGeneration()).isEqualTo(first + 1);
    SearchTextAnalysis.get().keepWhole(List.of("云栖湾"));
    index.commit(); // a new project name only: stored for searchers in other processes
    assertThat(commitGeneration()).isEqualTo(first + 2);
    try (PostIndex reader =
        PostIndexes.luceneReadOnly(dir.resolve("index"), SearchTextAnalysis.get())) {
      assertThat(reader.get(fresh.id())).contains(fresh);
    }
  }

  private long commitGeneration() throws Exception {
    try (org.apache.lucene.store.Directory d =
        org.apache.lucene.store.FSDirectory.open(dir.resolve("index"))) {
      return org.apache.lucene.index.SegmentInfos.readLatestCommit(d).getGeneration();
    }
  }

  @Test
  void closingWhileRefreshesRunKeepsEveryPost() {
    index.close();
    index = null;
    Path d = dir.resolve("busy");
    for (int round = 0; round < 15; round++) {
      // a refresh every millisecond: close() races with one almost every time
      try (PostIndex busy =
          LucenePostIndex.openWritable(
              d, java.time.Duration.ofMillis(1), SearchTextAnalysis.get())) {
        busy.upsert(List.of(Posts.post("r" + round).title("第" + round + "轮").text("电梯故障").build()));
      }
    }
    try (PostIndex reader = PostIndexes.luceneReadOnly(d, SearchTextAnalysis.get())) {
      assertThat(reader.count()).isEqualTo(15);
    }
  }

  @Test
  void projectNamesAreSearchWordsAndTravelWithTheIndex() throws Exception {
    SearchTextAnalysis.get().keepWhole(List.of("澜庭府"));
    TaggedPost p = Posts.post("lan").title("澜庭府三期漏水").text("住在澜庭府的业主都遇到了。").build();
    index.upsert(List.of(p));
    index.commit();
    assertThat(SearchTextAnalysis.get().queryTerms("澜庭府")).containsExactly("澜庭府");
    assertThat(find(SearchRequest.builder().query("澜庭府"))).containsExactly(p.id());
    // stored with the commit, for searchers in other processes
    try (org.apache.lucene.store.Directory d =
        org.apache.lucene.store.FSDirectory.open(dir.resolve("index"))) {
      String words =
          org.apache.lucene.index.SegmentInfos.readLatestCommit(d)
              .getUserData()
              .get(LucenePostIndex.WORDS_KEY);
      assertThat(words).contains("澜庭府");
    }
  }

  @Test
  void aSecondWriterIsRefusedWithTheDirectoryNamed() {
    assertThatThrownBy(() -> PostIndexes.lucene(dir.resolve("index"), SearchTextAnalysis.get()))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining(dir.resolve("index").toString())
        .hasMessageContaining("another process");
  }

  @Test
  void readOnlyOpenOfAMissingIndexSaysSo() {
    assertThatThrownBy(
            () -> PostIndexes.luceneReadOnly(dir.resolve("nothing"), SearchTextAnalysis.get()))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("no index here");
  }

  @Test
  void readersSearchSafelyWhileOneWriterUpserts() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    AtomicBoolean writing = new AtomicBoolean(true);
    try {
      Future<?> writer =
          pool.submit(
              () -> {
                for (int i = 0; i < 200; i++) {
                  index.upsert(
                      List.of(
                          Posts.post("w" + i)
                              .title("第" + i + "号楼漏水")
                              .text("楼顶防水层破损，雨天漏水。")
                              .build()));
                  if (i % 50 == 0) {
                    index.commit();
                  }
                }
                index.commit();
                writing.set(false);
              });
      List<Future<Long>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(
            pool.submit(
                () -> {
                  long last = 0;
                  while (writing.get()) {
                    long n = index.search(SearchRequest.text("漏水", 5)).total();
                    // searches see a growing index, never a torn one
                    assertThat(n).isGreaterThanOrEqualTo(last);
                    last = n;
                  }
                  return last;
                }));
      }
      writer.get(60, TimeUnit.SECONDS);
      for (Future<Long> f : readers) {
        f.get(60, TimeUnit.SECONDS);
      }
      assertThat(index.search(SearchRequest.text("漏水", 5)).total()).isEqualTo(204);
    } finally {
      pool.shutdownNow();
    }
  }
}
