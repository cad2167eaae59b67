package dev.yuqing.app.cli;

import dev.yuqing.analysis.SearchTextAnalysis;
import dev.yuqing.core.UserError;
import dev.yuqing.core.config.IndexConfig;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.config.YuqingConfig;
import dev.yuqing.index.IndexException;
import dev.yuqing.index.PostIndex;
import dev.yuqing.index.PostIndexes;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options that say which index a command reads: {@code --data DIR} (the Lucene index in DIR/index),
 * {@code --index DIR} (a Lucene index directory itself), or {@code --config FILE} (the backend the
 * configuration names, e.g. Elasticsearch).
 */
final class IndexLocation {
  @Mixin DataDir data;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "a Lucene index directory (instead of --data DIR/index)")
  Path index;

  @Mixin ConfigFile config; // its index backend, e.g. Elasticsearch

  /** Opens the index for searching only. */
  PostIndex openReadOnly() {
    if (index != null) {
      try {
        return PostIndexes.luceneReadOnly(index, SearchTextAnalysis.get());
      } catch (IndexException e) {
        throw new UserError(e.getMessage(), e);
      }
    }
    return openReadOnly(config.loadOrNull(), data.path);
  }

  /**
   * Opens for searching only the index of a configuration (with its project names as search words),
   * or without one ({@code cfg} null) the Lucene index in {@code DATA/index}.
   */
  static PostIndex openReadOnly(YuqingConfig cfg, Path data) {
    try {
      if (cfg == null) {
        return PostIndexes.openReadOnly(
            IndexConfig.DEFAULT, data, Secrets.fromEnvironment(), SearchTextAnalysis.get());
      }
      return PostIndexes.openReadOnly(
          cfg, data, Secrets.fromEnvironment(), SearchTextAnalysis.get());
    } catch (IndexException e) {
      throw new UserError(e.getMessage(), e);
    }
  }
}
