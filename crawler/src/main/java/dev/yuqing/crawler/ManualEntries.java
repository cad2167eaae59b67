package dev.yuqing.crawler;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The inbox of manual entries ({@code yuqing add}): {@code DATA/manual/entries.jsonl}, one entry
 * per line, appended under a file lock. The manual source reads it like any other source, so an
 * entry flows into the stream with the crawled posts.
 */
public final class ManualEntries {
  public static final String FILE = "entries.jsonl";

  private final Path dir;

  public ManualEntries(Path dataDir) {
    this.dir = dataDir.resolve("manual");
  }

  public Path file() {
    return dir.resolve(FILE);
  }

  /**
   * What customer service entered.
   *
   * @param id unique id of the entry (the post id derives from it)
   * @param title headline, or null
   * @param text what was said (required)
   * @param url where it was seen, or null
   * @param author who said it, or null
   * @param publishedAt when it was said, or null
   * @param projects projects it concerns
   * @param enteredBy who entered it, or null
   * @param enteredAt when it was entered
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entry(
      String id,
      String title,
      String text,
      String url,
      String author,
      Instant publishedAt,
      List<String> projects,
      String enteredBy,
      Instant enteredAt) {
    public Entry {
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("text: is required");
      }
      projects = projects == null ? List.of() : List.copyOf(projects);
    }
  }

  public void append(Entry e) {
    try {
      Files.createDirectories(dir);
      try (FileChannel ch =
              FileChannel.open(
                  file(),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.APPEND);
          FileLock lock = ch.lock()) {
        ch.write(java.nio.ByteBuffer.wrap((Json.line(e) + "\n").getBytes(StandardCharsets.UTF_8)));
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(file() + ": cannot write: " + ex.getMessage(), ex);
    }
  }

  /** Every entry with its line; a line that does not parse is reported, not fatal. */
  public List<Entry> read(List<String> errors) {
    List<Entry> out = new ArrayList<>();
    if (!Files.exists(file())) {
      return out;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
    } catch (IOException ex) {
      errors.add(file() + ": cannot read: " + ex.getMessage());
      return out;
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        out.add(Json.read(lines.get(i), Entry.class));
      } catch (RuntimeException ex) {
        errors.add(file() + " line " + (i + 1) + ": not a manual entry: " + ex.getMessage());
      }
    }
    return out;
  }
}
