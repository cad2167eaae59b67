package dev.yuqing.index;

import dev.yuqing.core.config.IndexConfig;
import dev.yuqing.core.config.Secrets;
import java.nio.file.Path;
import java.time.Duration;

/** Opens the configured {@link PostIndex}. */
public final class PostIndexes {
  private PostIndexes() {}

  /** Where the Lucene backend keeps its index under a data directory: {@code DATA/index}. */
  public static Path luceneDirectory(Path dataDir) {
    return dataDir.resolve("index");
  }

  /**
   * Opens the configured index for reading and writing. Lucene: {@code DATA/index}, created when
   * absent; only one process may hold it. Elasticsearch: installs the index template when it is
   * missing or older, and parks rejected posts in {@code
   * DATA/index/elasticsearch-dead-letter.jsonl}.
   *
   * @throws IndexException when the index cannot be opened (locked by another process, cluster
   *     unreachable, bad credentials)
   */
  public static PostIndex open(IndexConfig config, Path dataDir, Secrets secrets) {
    return switch (config.backend()) {
      case LUCENE ->
          LucenePostIndex.openWritable(luceneDirectory(dataDir), config.refreshInterval());
      case ELASTICSEARCH ->
          ElasticsearchPostIndex.open(config.elasticsearch(), dataDir, secrets, false);
    };
  }

  /**
   * Opens the configured index for searching only, e.g. from the CLI while the stream job writes.
   * Lucene: sees each commit of the writing process; fails when there is no index yet.
   */
  public static PostIndex openReadOnly(IndexConfig config, Path dataDir, Secrets secrets) {
    return switch (config.backend()) {
      case LUCENE ->
          LucenePostIndex.openReadOnly(luceneDirectory(dataDir), config.refreshInterval());
      case ELASTICSEARCH ->
          ElasticsearchPostIndex.open(config.elasticsearch(), dataDir, secrets, true);
    };
  }

  /** A Lucene index in exactly this directory, for reading and writing. */
  public static PostIndex lucene(Path indexDir) {
    return LucenePostIndex.openWritable(indexDir, Duration.ofSeconds(1));
  }

  /** A Lucene index in exactly this directory, for searching only. */
  public static PostIndex luceneReadOnly(Path indexDir) {
    return LucenePostIndex.openReadOnly(indexDir, Duration.ofSeconds(1));
  }
}
