package dev.yuqing.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The "Done when" measure of generic extraction on the shared article pages: prints one line per
 * page and the score. Run alone: {@code mvn -q test -pl crawler -am
 * -Dtest=ArticleExtractionEvalTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ArticleExtractionEvalTest {
  @Test
  void exactTitleAndCompleteBodyOnAtLeast90Percent() throws Exception {
    Path dir = ExtractionKey.dir().orElse(null);
    Assumptions.assumeTrue(dir != null, SharedData.missingReason("pages/key.jsonl"));
    List<ExtractionKey.PageScore> scores = ExtractionKey.score(dir);
    int pass = 0;
    int span = 0;
    int time = 0;
    int author = 0;
    for (ExtractionKey.PageScore s : scores) {
      pass += s.pass() ? 1 : 0;
      span += s.spanOk() ? 1 : 0;
      time += s.timeOk() ? 1 : 0;
      author += s.authorOk() ? 1 : 0;
      System.out.printf(
          "%-4s %-60s title=%s missing=%s leaked=%s span=%s%n",
          s.pass() ? "ok" : "FAIL",
          s.file(),
          s.titleOk() ? "ok" : "'" + s.article().title() + "'",
          s.missing(),
          s.leaked(),
          s.spanOk() ? "ok" : "off");
    }
    double score = (double) pass / scores.size();
    System.out.printf(
        "extraction_score=%.2f (%d/%d pages: exact title, complete body, no boilerplate);"
            + " exact_span=%d/%d publish_time=%d/%d author=%d/%d%n",
        score,
        pass,
        scores.size(),
        span,
        scores.size(),
        time,
        scores.size(),
        author,
        scores.size());
    assertThat(score).as("share of key pages extracted right").isGreaterThanOrEqualTo(0.9);
  }
}
