package dev.yuqing.index;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where posts that a backend rejected are parked instead of dropped: one JSON line per post with
 * the reason, appended and forced to disk before the post is counted as handled. Re-index them with
 * {@code jq -c .post FILE} once the cause is fixed. Thread-safe.
 */
final class DeadLetters {
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
