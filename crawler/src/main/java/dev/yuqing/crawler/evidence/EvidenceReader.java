package dev.yuqing.crawler.evidence;

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
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** Finds and reads the captures behind posts. Read-only. */
public final class EvidenceReader {
  private final Path dir;

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
    Path posts = dir.resolve(WarcEvidence.POSTS);
    if (!Files.exists(posts)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(posts, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = Json.mapper().readTree(line);
        if (!n.path("post").asText().equals(postId)) {
          continue;
        }
        String record = n.path("record").asText();
        Optional<ManifestEntry> e = entry(record);
        if (e.isPresent()) {
          byte[] raw = read(e.get());
          int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          String headers = new String(raw, 0, Math.max(0, split), StandardCharsets.UTF_8);
          int from = split < 0 ? raw.length : split + 4;
          int to = Math.max(from, raw.length - 4); // the record ends with CRLF CRLF
          byte[] block = java.util.Arrays.copyOfRange(raw, from, to);
          out.add(new Capture(postId, n.path("version").asInt(), e.get(), headers, block));
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(dir + ": cannot read evidence: " + ex.getMessage(), ex);
    }
    return out;
  }

  /** The manifest entry of a record id. */
  public Optional<ManifestEntry> entry(String recordId) throws IOException {
    Path m = dir.resolve(WarcEvidence.MANIFEST);
    if (!Files.exists(m)) {
      return Optional.empty();
    }
    for (String line : Files.readAllLines(m, StandardCharsets.UTF_8)) {
      if (line.contains(recordId)) {
        ManifestEntry e = Json.read(line, ManifestEntry.class);
        if (e.record().equals(recordId)) {
          return Optional.of(e);
        }
      }
    }
    return Optional.empty();
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
