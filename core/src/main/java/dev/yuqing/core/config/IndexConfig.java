package dev.yuqing.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.Locale;

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
  public enum Backend {
    LUCENE,
    ELASTICSEARCH;

    @JsonValue
    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Backend parse(String s) {
      for (Backend b : values()) {
        if (b.name().equalsIgnoreCase(s.trim())) {
          return b;
        }
      }
      throw new IllegalArgumentException(
          "unknown backend '" + s + "' (known: lucene, elasticsearch)");
    }
  }
}
