package dev.yuqing.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.config.ConfigLoader;
import dev.yuqing.core.config.ForumSourceConfig;
import dev.yuqing.core.config.YuqingConfig;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped example configuration builds a crawler for every source kind it documents. */
class ExampleConfigTest {
  @TempDir Path data;

  @Test
  void everyExampleSourceGetsACrawler() {
    YuqingConfig cfg = new ConfigLoader().load(Path.of("../config/example.yaml"));
    try (Crawlers crawlers = Crawlers.create(cfg, data, Clock.systemUTC())) {
      assertThat(crawlers.all())
          .extracting(SourceCrawler::sourceId)
          .containsExactlyElementsOf(Crawlers.sourceIds(cfg));
      for (SourceCrawler c : crawlers.all()) {
        assertThat(c.revisit()).isPositive();
      }
    }
    assertThat(cfg.sources())
        .filteredOn(s -> s instanceof ForumSourceConfig)
        .extracting(s -> ((ForumSourceConfig) s).profile())
        .containsOnly("default");
  }
}
