package dev.yuqing.index;

/**
 * Size of an index.
 *
 * @param backend {@code lucene} or {@code elasticsearch}
 * @param location directory or alias
 * @param docs number of documents visible to searches
 * @param sizeBytes bytes on disk (for Elasticsearch: primary store size)
 * @param parts Lucene segments, or Elasticsearch monthly indices
 */
public record IndexStats(String backend, String location, long docs, long sizeBytes, int parts) {

  /** Size in MiB, one decimal, as {@code yuqing index stats} prints it. */
  public String sizeMb() {
    return String.format(java.util.Locale.ROOT, "%.1f", sizeBytes / (1024.0 * 1024.0));
  }
}
