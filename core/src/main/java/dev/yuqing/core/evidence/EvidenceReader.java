package dev.yuqing.core.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Finds and reads the captures behind posts. Read-only. The manifest and the post index are
 * append-only, so they are read incrementally: each call reads only the lines added since the last
 * one (a dashboard can ask for every post it shows). Thread-safe.
 */
public final class EvidenceReader {
  /** The manifest: one {@link ManifestEntry} per line, in write order. */
  public static final String MANIFEST = "manifest.jsonl";

  /** The chain hash of the manifest's last line, kept apart so a cut-off tail is noticed. */
  public static final String HEAD = "manifest.head";

  /** Which records each post version came from: one JSON line per post version. */
  public static final String POSTS = "posts.jsonl";

  private final Path dir;
  private final Map<String, ManifestEntry> entries = new HashMap<>();
  private final Map<String, List<String[]>> byPost = new HashMap<>(); // post → [version, record]
  private long manifestRead;
  private long postsRead;

  public EvidenceReader(Path dir) {
    this.dir = dir;
  }

  /**
   * A capture.
   *
   * @param post the post id
   * @param version the post version it produced
   * @param entry where it lies and its hashes
   * @param warcHeaders the WARC record header block
   * @param content the record block: for a response the HTTP status line, headers and raw body
   */
  public record Capture(
      String post, int version, ManifestEntry entry, String warcHeaders, byte[] content) {}

  /** Every capture of a post, oldest version first. */
  public List<Capture> forPost(String postId) {
    List<Capture> out = new ArrayList<>();
    try {
      List<String[]> refs;
      synchronized (this) {
        refresh();
        refs = List.copyOf(byPost.getOrDefault(postId, List.of()));
      }
      for (String[] ref : refs) {
        Optional<ManifestEntry> e = entry(ref[1]);
        if (e.isPresent()) {
          byte[] raw = read(e.get());
          int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          String headers = new String(raw, 0, Math.max(0, split), StandardCharsets.UTF_8);
          int from = split < 0 ? raw.length : split + 4;
          int to = Math.max(from, raw.length - 4); // the record ends with CRLF CRLF
          byte[] block = java.util.Arrays.copyOfRange(raw, from, to);
          out.add(new Capture(postId, Integer.parseInt(ref[0]), e.get(), headers, block));
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(dir + ": cannot read evidence: " + ex.getMessage(), ex);
    }
    return out;
  }

  /** The manifest entry of a record id. */
  public synchronized Optional<ManifestEntry> entry(String recordId) throws IOException {
    if (!entries.containsKey(recordId)) {
      refresh();
    }
    return Optional.ofNullable(entries.get(recordId));
  }

  /** Reads the lines appended to the manifest and the post index since the last call. */
  private void refresh() throws IOException {
    manifestRead =
        readFrom(
            dir.resolve(MANIFEST),
            manifestRead,
            line -> {
              ManifestEntry e = Json.read(line, ManifestEntry.class);
              entries.put(e.record(), e);
            });
    postsRead =
        readFrom(
            dir.resolve(POSTS),
            postsRead,
            line -> {
              JsonNode n = Json.mapper().readTree(line);
              byPost
                  .computeIfAbsent(n.path("post").asText(), k -> new ArrayList<>())
                  .add(new String[] {n.path("version").asText(), n.path("record").asText()});
            });
  }

  private interface LineReader {
    void read(String line) throws IOException;
  }

  /** Reads whole lines from {@code offset}; returns the offset after the last whole line. */
  private static long readFrom(Path f, long offset, LineReader reader) throws IOException {
    if (!Files.exists(f)) {
      return 0;
    }
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < offset) {
        offset = 0; // replaced (a restore): read again
      }
      if (size == offset) {
        return offset;
      }
      ByteBuffer buf = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, size - offset));
      ch.read(buf, offset);
      byte[] b = buf.array();
      int start = 0;
      for (int i = 0; i < b.length; i++) {
        if (b[i] == '\n') {
          String line = new String(b, start, i - start, StandardCharsets.UTF_8);
          if (!line.isBlank()) {
            try {
              reader.read(line);
            } catch (RuntimeException | IOException bad) {
              // a damaged line: verify reports it; reading goes on
            }
          }
          start = i + 1;
        }
      }
      return offset + start;
    }
  }

  /** The decompressed record (WARC headers and block). */
  public byte[] read(ManifestEntry e) throws IOException {
    try (FileChannel ch = FileChannel.open(dir.resolve(e.file()), StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate((int) e.length());
      ch.read(buf, e.offset());
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(buf.array()))) {
        return in.readAllBytes();
      }
    }
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
