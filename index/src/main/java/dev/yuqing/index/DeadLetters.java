package dev.yuqing.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where posts that a backend rejected are parked instead of dropped: one JSON line per post with
 * the reason, appended and forced to disk before the post is counted as handled. Re-index them with
 * {@code yuqing index requeue} ({@link #requeue}) once the cause is fixed. Thread-safe.
 */
final class DeadLetters {
  static final String FILE_NAME = "elasticsearch-dead-letter.jsonl";
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  private final Path file;
  private final AtomicLong parked = new AtomicLong();

  DeadLetters(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /** Posts parked by this instance. */
  long parked() {
    return parked.get();
  }

  /** See {@link PostIndexes#requeueDeadLetters}. */
  static int requeue(Path file, PostIndex index) {
    if (!Files.exists(file)) {
      return 0;
    }
    Path kept = file.resolveSibling(file.getFileName() + ".requeued-" + System.currentTimeMillis());
    List<TaggedPost> posts = new ArrayList<>();
    try {
      Files.move(file, kept, StandardCopyOption.ATOMIC_MOVE);
      int n = 0;
      for (String line : Files.readAllLines(kept, StandardCharsets.UTF_8)) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode post = Json.mapper().readTree(line).get("post");
          posts.add(Json.mapper().treeToValue(post, TaggedPost.class));
        } catch (IOException | RuntimeException e) {
          LOG.warn("{}:{}: not a parked post, skipped ({})", kept, n, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new IndexException(file + ": cannot requeue: " + e.getMessage(), e);
    }
    for (int i = 0; i < posts.size(); i += 500) {
      index.upsert(posts.subList(i, Math.min(posts.size(), i + 500)));
    }
    index.commit();
    return posts.size();
  }

  synchronized void park(TaggedPost post, String target, int status, String reason, Instant at) {
    ObjectNode line = Json.mapper().createObjectNode();
    line.put("parkedAt", at.toString());
    line.put("target", target);
    line.put("status", status);
    line.put("reason", reason);
    line.set("post", Json.mapper().valueToTree(post));
    byte[] bytes = (Json.line(line) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel ch =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(false);
      }
    } catch (IOException e) {
      // Losing the post silently is the one thing we must not do: fail loudly.
      throw new IndexException(
          file + ": cannot park rejected post " + post.id() + " (" + reason + "): " + e, e);
    }
    parked.incrementAndGet();
  }
}
