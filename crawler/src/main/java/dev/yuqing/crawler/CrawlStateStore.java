package dev.yuqing.crawler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Crawl states as files: {@code DIR/<sourceId>.json}, replaced atomically so that a crash leaves
 * the old state or the new one, never half of one. For the CLI; the stream keeps states in Flink.
 */
public final class CrawlStateStore {
  private final Path dir;

  public CrawlStateStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** The saved state of a source, or {@link CrawlState#EMPTY} before its first crawl. */
  public CrawlState load(String sourceId) {
    Path f = file(sourceId);
    if (!Files.exists(f)) {
      return CrawlState.EMPTY;
    }
    try {
      return CrawlState.fromJson(Files.readString(f, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(f + ": cannot read crawl state: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException(
          f + ": crawl state is not valid JSON (delete it to recrawl): " + e.getMessage(),
          e.getCause());
    }
  }

  public void save(String sourceId, CrawlState state) {
    Path f = file(sourceId);
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".state-", ".tmp");
      Files.writeString(tmp, state.toJson(), StandardCharsets.UTF_8);
      try {
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(f + ": cannot write crawl state: " + e.getMessage(), e);
    }
  }

  private Path file(String sourceId) {
    // source ids are config keys; keep file names tame whatever they contain
    String safe = sourceId.replaceAll("[^\\p{L}\\p{N}._-]", "_");
    return dir.resolve(safe + ".json");
  }
}
