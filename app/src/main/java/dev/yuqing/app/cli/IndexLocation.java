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
    try {
      if (index != null) {
        return PostIndexes.luceneReadOnly(index, SearchTextAnalysis.get());
      }
      YuqingConfig cfg = config.loadOrNull();
      if (cfg == null) {
        return PostIndexes.openReadOnly(
            IndexConfig.DEFAULT, data.path, Secrets.fromEnvironment(), SearchTextAnalysis.get());
      }
      // the whole configuration: its project names are search words too
      return PostIndexes.openReadOnly(
          cfg, data.path, Secrets.fromEnvironment(), SearchTextAnalysis.get());
    } catch (IndexException e) {
      throw new UserError(e.getMessage(), e);
    }
  }
}
