package dev.yuqing.stream;

import dev.yuqing.alerts.AlertService;
import dev.yuqing.alerts.store.Database;
import dev.yuqing.analysis.HandoverTagger;
import dev.yuqing.analysis.SearchTextAnalysis;
import dev.yuqing.core.Tagger;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.crawler.Crawlers;
import dev.yuqing.index.PostIndex;
import dev.yuqing.index.PostIndexes;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The production stage implementations, as factories that travel with the job graph: each captures
 * only the configuration snapshot and the data directory (as a string) and builds the real thing on
 * the task manager.
 */
public final class ProductionStages {
  private ProductionStages() {}

  /** The analysis module's tagger, knowing the configured projects' names. */
  public static TaskManagerFactory<Tagger> tagger(ConfigSnapshot config) {
    return () -> HandoverTagger.create(config.get().projects());
  }

  /** The configured index (Lucene under {@code dataDir/index} by default). */
  public static TaskManagerFactory<PostIndex> index(ConfigSnapshot config, String dataDir) {
    return () ->
        PostIndexes.open(
            config.get().index(),
            Path.of(dataDir),
            Secrets.fromEnvironment(),
            SearchTextAnalysis.get());
  }

  /**
   * The alert service on the configured database (or the embedded one under the data directory):
   * mail over SMTP when configured, else the outbox.
   *
   * @param clock its clock (group wait, interval, escalation, retries); serialisable
   */
  public static TaskManagerFactory<AlertService> alerts(
      ConfigSnapshot config, String dataDir, Clock clock) {
    return () -> {
      var cfg = config.get();
      Secrets secrets = Secrets.fromEnvironment();
      Path data = Path.of(dataDir);
      return AlertService.open(
          Database.open(cfg.database(), data, secrets),
          data,
          cfg.alerts(),
          cfg.smtp(),
          secrets,
          clock);
    };
  }

  /**
   * The crawlers of the configured sources; evidence under {@code dataDir/evidence}.
   *
   * @param clock their clock (fetch times); serialisable
   */
  public static TaskManagerFactory<Crawlers> crawlers(
      ConfigSnapshot config, String dataDir, Clock clock) {
    return () -> Crawlers.create(config.get(), Path.of(dataDir), clock);
  }
}
