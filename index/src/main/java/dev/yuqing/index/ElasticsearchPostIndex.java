package dev.yuqing.index;

import dev.yuqing.core.config.ElasticsearchConfig;
import dev.yuqing.core.config.Secrets;
import java.nio.file.Path;

/** The Elasticsearch backend. Not built yet: opening it fails with a clear message. */
final class ElasticsearchPostIndex {
  private ElasticsearchPostIndex() {}

  static PostIndex open(ElasticsearchConfig config, Path dataDir, Secrets secrets) {
    throw new IndexException(
        "index.backend: elasticsearch is not built yet in this version; use lucene");
  }
}
