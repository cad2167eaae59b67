package dev.yuqing.index;

import dev.yuqing.core.TextAnalysis;
import dev.yuqing.core.config.IndexConfig;
import dev.yuqing.core.config.ProjectConfig;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.config.YuqingConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
   * @param analysis how documents and queries are read (the analysis module's {@code
   *     SearchTextAnalysis.get()} in production)
   * @throws IndexException when the index cannot be opened (locked by another process, cluster
   *     unreachable, bad credentials)
   */
  public static PostIndex open(
      IndexConfig config, Path dataDir, Secrets secrets, TextAnalysis analysis) {
    return switch (config.backend()) {
      case LUCENE ->
          LucenePostIndex.openWritable(
              luceneDirectory(dataDir), config.refreshInterval(), analysis);
      case ELASTICSEARCH ->
          ElasticsearchPostIndex.open(config.elasticsearch(), dataDir, secrets, false, analysis);
    };
  }

  /**
   * Opens the configured index for searching only, e.g. from the CLI while the stream job writes.
   * Lucene: sees each commit of the writing process; fails when there is no index yet.
   */
  public static PostIndex openReadOnly(
      IndexConfig config, Path dataDir, Secrets secrets, TextAnalysis analysis) {
    return switch (config.backend()) {
      case LUCENE ->
          LucenePostIndex.openReadOnly(
              luceneDirectory(dataDir), config.refreshInterval(), analysis);
      case ELASTICSEARCH ->
          ElasticsearchPostIndex.open(config.elasticsearch(), dataDir, secrets, true, analysis);
    };
  }

  /**
   * Opens the index of a whole configuration for reading and writing: as {@link #open(IndexConfig,
   * Path, Secrets, TextAnalysis)}, and the projects' names (estate, aliases, developer, property
   * company) are kept whole by the analysis of documents and queries. Prefer this one wherever the
   * whole configuration is at hand.
   */
  public static PostIndex open(
      YuqingConfig config, Path dataDir, Secrets secrets, TextAnalysis analysis) {
    analysis.keepWhole(names(config));
    return open(config.index(), dataDir, secrets, analysis);
  }

  /**
   * As {@link #openReadOnly(IndexConfig, Path, Secrets, TextAnalysis)}, with the projects' names.
   */
  public static PostIndex openReadOnly(
      YuqingConfig config, Path dataDir, Secrets secrets, TextAnalysis analysis) {
    analysis.keepWhole(names(config));
    return openReadOnly(config.index(), dataDir, secrets, analysis);
  }

  private static List<String> names(YuqingConfig config) {
    List<String> names = new ArrayList<>();
    for (ProjectConfig p : config.projects()) {
      names.addAll(p.allNames());
    }
    return names;
  }

  /**
   * Where the Elasticsearch backend parks the posts it could not index: {@code
   * DATA/index/elasticsearch-dead-letter.jsonl}, one JSON object per line with {@code parkedAt},
   * {@code target}, {@code status}, {@code reason} and the whole tagged {@code post}.
   */
  public static Path deadLetterFile(Path dataDir) {
    return luceneDirectory(dataDir).resolve(DeadLetters.FILE_NAME);
  }

  /**
   * Indexes the parked posts again (once the cause is fixed). The dead-letter file is first renamed
   * to {@code …jsonl.requeued-<epoch ms>} and kept as a record; posts rejected again are parked
   * afresh. Lines that are not parked posts are skipped with a warning.
   *
   * @return the number of posts handed to the index again
   */
  public static int requeueDeadLetters(PostIndex index, Path dataDir) {
    return DeadLetters.requeue(deadLetterFile(dataDir), index);
  }

  /** A Lucene index in exactly this directory, for reading and writing. */
  public static PostIndex lucene(Path indexDir, TextAnalysis analysis) {
    return LucenePostIndex.openWritable(indexDir, Duration.ofSeconds(1), analysis);
  }

  /** A Lucene index in exactly this directory, for searching only. */
  public static PostIndex luceneReadOnly(Path indexDir, TextAnalysis analysis) {
    return LucenePostIndex.openReadOnly(indexDir, Duration.ofSeconds(1), analysis);
  }
}
