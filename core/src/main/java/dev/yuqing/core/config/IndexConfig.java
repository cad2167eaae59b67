package dev.yuqing.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where posts are indexed.
 *
 * @param backend {@code lucene} (embedded, under the data directory; default) or {@code
 *     elasticsearch}
 * @param elasticsearch connection settings when the backend is Elasticsearch
 */
public record IndexConfig(Backend backend, ElasticsearchConfig elasticsearch) {

  public static final IndexConfig DEFAULT = new IndexConfig(null, null);

  public IndexConfig {
    backend = backend == null ? Backend.LUCENE : backend;
    if (backend == Backend.ELASTICSEARCH && elasticsearch == null) {
      throw new IllegalArgumentException(
          "elasticsearch: is required when backend is elasticsearch");
    }
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
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown backend '" + s + "' (known: lucene, elasticsearch)", e);
      }
    }
  }
}
