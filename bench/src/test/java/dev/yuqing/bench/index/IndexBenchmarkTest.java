package dev.yuqing.bench.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.Sentiment;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.SharedData;
import dev.yuqing.core.TaggedPost;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small run of the index benchmark: it indexes what it says and prints its figures. */
class IndexBenchmarkTest {
  static final String MESSAGES = "housing/messages.jsonl";

  @TempDir Path dir;

  @Test
  void indexesTheGeneratedPostsAndPrintsTheFigures() {
    Assumptions.assumeTrue(
        SharedData.file(MESSAGES).isPresent(), SharedData.missingReason(MESSAGES));
    IndexBenchmark bench =
        IndexBenchmark.fromMessages(
            SharedData.file(MESSAGES).get(),
            p ->
                new TaggedPost(
                    p,
                    new Sentiment(SentimentLabel.NEGATIVE, 0.8),
                    null,
                    List.of("漏水"),
                    null,
                    null));
    assertThat(bench.bases()).isGreaterThan(2000);
    // generation is deterministic and varied
    assertThat(bench.post(7)).isEqualTo(bench.post(7));
    assertThat(bench.post(7).post().text()).isNotEqualTo(bench.post(8).post().text());

    StringWriter log = new StringWriter();
    IndexBenchmark.Result r =
        bench.run(
            dir.resolve("bench"), new IndexBenchmark.Options(3000, 2, 2), new PrintWriter(log));
    assertThat(r.docs()).isEqualTo(3000);
    assertThat(r.heapMb()).isPositive();
    assertThat(r.p95QueryMs()).isGreaterThanOrEqualTo(r.p50QueryMs()).isPositive();
    assertThat(r.line())
        .matches(
            "docs=3000 docs_per_s=\\d+ heap_mb=\\d+ p50_query_ms=\\d+\\.\\d p95_query_ms=\\d+\\.\\d");
    assertThat(log.toString()).contains("overview:").contains("deep paging");
  }

  @Test
  void percentilesUseTheNearestRank() {
    double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(IndexBenchmark.percentile(v, 50)).isEqualTo(5);
    assertThat(IndexBenchmark.percentile(v, 95)).isEqualTo(10);
    assertThat(IndexBenchmark.sentences("漏水了。怎么办？没人管")).containsExactly("漏水了。", "怎么办？", "没人管");
  }
}
