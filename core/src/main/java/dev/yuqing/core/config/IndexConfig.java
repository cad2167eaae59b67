package dev.yuqing.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.yuqing.core.LowerCaseNamed;
import java.time.Duration;

/**
 * Where posts are indexed.
 *
 * @param backend {@code lucene} (embedded, in {@code <data>/index}; default) or {@code
 *     elasticsearch}
 * @param elasticsearch connection settings when the backend is Elasticsearch
 * @param refreshInterval how soon an upserted post becomes searchable without a commit (Lucene;
 *     default 1s; Elasticsearch refreshes on its own, every second by default)
 */
public record IndexConfig(
    Backend backend, ElasticsearchConfig elasticsearch, Duration refreshInterval) {

  public static final IndexConfig DEFAULT = new IndexConfig(null, null, null);

  public IndexConfig {
    backend = backend == null ? Backend.LUCENE : backend;
    if (backend == Backend.ELASTICSEARCH && elasticsearch == null) {
      throw new IllegalArgumentException(
          "elasticsearch: is required when backend is elasticsearch");
    }
    refreshInterval = Check.positive("refreshInterval", refreshInterval, Duration.ofSeconds(1));
  }

  /** The Elasticsearch backend with these settings. */
  public static IndexConfig elasticsearch(ElasticsearchConfig es) {
    return new IndexConfig(Backend.ELASTICSEARCH, es, null);
  }

  /** Index backends. */
  public enum Backend implements LowerCaseNamed {
    LUCENE,
    ELASTICSEARCH;

    @JsonCreator
    public static Backend parse(String s) {
      return LowerCaseNamed.byName(Backend.class, "backend", s);
    }
  }
}
