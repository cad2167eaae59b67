package dev.yuqing.crawler.evidence;

import dev.yuqing.core.Ids;
import dev.yuqing.core.Post;
import dev.yuqing.core.evidence.EvidenceReader;
import dev.yuqing.core.evidence.ManifestEntry;
import dev.yuqing.core.json.Json;
import dev.yuqing.crawler.Evidence;
import dev.yuqing.crawler.fetch.FetchResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * Keeps raw responses as WARC 1.1 records (one gzip member per record, readable by standard WARC
 * tools) and appends each record's SHA-256 to a hash-chained manifest, so that changing, removing
 * or reordering any record is detectable ({@link EvidenceVerifier}).
 *
 * <p>Layout under the evidence directory: {@code *.warc.gz} (one file per writer, rotated at 256
 * MiB), {@code manifest.jsonl} (one {@link ManifestEntry} per record), {@code manifest.head} (count
 * and last chain hash: detects removed trailing lines) and {@code posts.jsonl} (post id and version
 * → record id). Thread-safe; several writers (threads or processes) may share a directory: appends
 * to the manifest are serialised by a lock file.
 */
public final class WarcEvidence implements Evidence, AutoCloseable {
  public static final String MANIFEST = EvidenceReader.MANIFEST;
  public static final String HEAD = EvidenceReader.HEAD;
  public static final String POSTS = EvidenceReader.POSTS;
  private static final long ROTATE_BYTES = 256L * 1024 * 1024;

  /** JVM-wide locks per directory: a FileLock cannot be taken twice in one JVM. */
  private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

  private final Path dir;
  private final Clock clock;
  private final String software;
  private final String writerId = UUID.randomUUID().toString().substring(0, 8);
  private int fileSeq;
  private Path current;
  private FileChannel out;

  public WarcEvidence(Path dir, Clock clock, String software) {
    this.dir = dir.toAbsolutePath().normalize();
    this.clock = clock;
    this.software = software;
  }

  public Path dir() {
    return dir;
  }

  @Override
  public synchronized String keep(String sourceId, FetchResponse r) {
    byte[] block = httpBlock(r);
    Map<String, String> h = new LinkedHashMap<>();
    h.put("WARC-Type", "response");
    h.put("WARC-Target-URI", r.url().toString());
    h.put("Content-Type", "application/http;msgtype=response");
    h.put("WARC-Payload-Digest", "sha256:" + Ids.sha256Hex(r.rawBody()));
    if (!r.requested().equals(r.url())) {
      h.put("Yuqing-Requested-URI", r.requested().toString());
    }
    return write(sourceId, r.fetchedAt(), h, block);
  }

  @Override
  public synchronized String keepResource(
      String sourceId, URI uri, Instant at, String contentType, byte[] content) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("WARC-Type", "resource");
    h.put("WARC-Target-URI", uri.toString());
    h.put("Content-Type", contentType);
    return write(sourceId, at, h, content);
  }

  @Override
  public synchronized void posts(List<Post> posts) {
    StringBuilder sb = new StringBuilder();
    for (Post p : posts) {
      if (p.evidenceId() == null) {
        continue;
      }
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("post", p.id());
      line.put("version", p.version());
      line.put("record", p.evidenceId());
      line.put("source", p.sourceId());
      line.put("url", p.url());
      sb.append(Json.line(line)).append('\n');
    }
    if (sb.length() == 0) {
      return;
    }
    withDirLock(
        () -> {
          appendLine(dir.resolve(POSTS), sb.toString());
          return null;
        });
  }

  /** The HTTP response as it arrived: status line, headers, raw (still encoded) body. */
  static byte[] httpBlock(FetchResponse r) {
    StringBuilder head = new StringBuilder();
    head.append("HTTP/1.1 ")
        .append(r.status())
        .append(' ')
        .append(reason(r.status()))
        .append("\r\n");
    r.headers()
        .forEach(
            (k, vs) -> {
              // the body is stored de-chunked, so its framing headers no longer apply
              if (!k.equals("transfer-encoding")) {
                for (String v : vs) {
                  head.append(k)
                      .append(": ")
                      .append(v.replace("\r", " ").replace("\n", " "))
                      .append("\r\n");
                }
              }
            });
    head.append("\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[h.length + r.rawBody().length];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(r.rawBody(), 0, out, h.length, r.rawBody().length);
    return out;
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 203 -> "Non-Authoritative Information";
      case 204 -> "No Content";
      case 206 -> "Partial Content";
      case 304 -> "Not Modified";
      default -> "";
    };
  }

  private String write(String sourceId, Instant at, Map<String, String> fields, byte[] block) {
    String id = "<urn:uuid:" + UUID.randomUUID() + ">";
    String date = DateTimeFormatter.ISO_INSTANT.format(at == null ? clock.instant() : at);
    StringBuilder h = new StringBuilder("WARC/1.1\r\n");
    h.append("WARC-Record-ID: ").append(id).append("\r\n");
    h.append("WARC-Date: ").append(date).append("\r\n");
    fields.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
    h.append("WARC-Block-Digest: sha256:").append(Ids.sha256Hex(block)).append("\r\n");
    h.append("Yuqing-Source: ").append(sourceId).append("\r\n");
    h.append("Content-Length: ").append(block.length).append("\r\n\r\n");
    byte[] member =
        gzip(
            h.toString().getBytes(StandardCharsets.UTF_8),
            block,
            "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return withDirLock(
        () -> {
          ensureFile(member.length);
          long offset = out.size();
          out.write(ByteBuffer.wrap(member), offset);
          chain(
              id,
              fields.get("WARC-Type"),
              offset,
              member,
              fields.get("WARC-Target-URI"),
              date,
              sourceId);
          return id;
        });
  }

  /** The last manifest entry, read from the end of the manifest (null for an empty store). */
  private ManifestEntry head() throws IOException {
    Path f = dir.resolve(MANIFEST);
    if (!Files.exists(f)) {
      return null;
    }
    try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(f.toFile(), "r")) {
      long len = raf.length();
      int chunk = (int) Math.min(len, 16 * 1024);
      byte[] buf = new byte[chunk];
      raf.seek(len - chunk);
      raf.readFully(buf);
      String tail = new String(buf, StandardCharsets.UTF_8).stripTrailing();
      int nl = tail.lastIndexOf('\n');
      String line = tail.substring(nl + 1);
      return line.isBlank() ? null : Json.read(line, ManifestEntry.class);
    }
  }

  private void writeHead(ManifestEntry e) throws IOException {
    Path tmp = dir.resolve(HEAD + ".tmp");
    Files.writeString(tmp, Json.line(e) + "\n", StandardCharsets.UTF_8);
    Files.move(
        tmp,
        dir.resolve(HEAD),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private void ensureFile(long next) throws IOException {
    if (out != null && out.size() + next <= ROTATE_BYTES) {
      return;
    }
    if (out != null) {
      out.close();
    }
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC)
            .format(clock.instant());
    current = dir.resolve("yuqing-" + stamp + "-" + writerId + "-" + (++fileSeq) + ".warc.gz");
    out =
        FileChannel.open(
            current, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    byte[] info =
        ("software: "
                + software
                + "\r\nformat: WARC File Format 1.1\r\n"
                + "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
                + "description: yuqing evidence (证据保全); each record's SHA-256 is chained in "
                + MANIFEST
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8);
    String id = "<urn:uuid:" + UUID.randomUUID() + ">";
    String h =
        "WARC/1.1\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: "
            + id
            + "\r\nWARC-Date: "
            + DateTimeFormatter.ISO_INSTANT.format(clock.instant())
            + "\r\nWARC-Filename: "
            + current.getFileName()
            + "\r\nContent-Type: application/warc-fields\r\nContent-Length: "
            + info.length
            + "\r\n\r\n";
    byte[] member =
        gzip(
            h.getBytes(StandardCharsets.UTF_8),
            info,
            "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.write(ByteBuffer.wrap(member), 0);
    // the warcinfo record is chained too, so that a file's header cannot be swapped
    chain(
        id,
        "warcinfo",
        0,
        member,
        current.getFileName().toString(),
        DateTimeFormatter.ISO_INSTANT.format(clock.instant()),
        "-");
  }

  /** Appends the entry of a record just written to the current file, chained to the last one. */
  private void chain(
      String id, String type, long offset, byte[] member, String uri, String date, String sourceId)
      throws IOException {
    ManifestEntry last = head();
    long seq = last == null ? 1 : last.seq() + 1;
    String prev = last == null ? ManifestEntry.GENESIS : last.chain();
    ManifestEntry e =
        new ManifestEntry(
            seq,
            id,
            type,
            current.getFileName().toString(),
            offset,
            member.length,
            Ids.sha256Hex(member),
            uri,
            date,
            sourceId,
            prev,
            null);
    appendLine(dir.resolve(MANIFEST), Json.line(e.chained()) + "\n");
  }

  private static byte[] gzip(byte[]... parts) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
        for (byte[] p : parts) {
          gz.write(p);
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void appendLine(Path f, String text) throws IOException {
    Files.writeString(
        f, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private interface Io<T> {
    T run() throws IOException;
  }

  /** Runs under this JVM's lock for the directory and a file lock against other processes. */
  private <T> T withDirLock(Io<T> body) {
    synchronized (JVM_LOCKS.computeIfAbsent(dir, k -> new Object())) {
      try {
        Files.createDirectories(dir);
        try (FileChannel lockFile =
                FileChannel.open(
                    dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = lockFile.lock()) {
          return body.run();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(dir + ": cannot write evidence: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public synchronized void flush() {
    withDirLock(
        () -> {
          if (out != null) {
            out.force(false);
          }
          for (String name : new String[] {MANIFEST, POSTS}) {
            Path f = dir.resolve(name);
            if (Files.exists(f)) {
              try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                ch.force(false);
              }
            }
          }
          ManifestEntry last = head();
          if (last != null) {
            writeHead(last); // sealed: lines up to here can no longer vanish unnoticed
          }
          return null;
        });
  }

  @Override
  public synchronized void close() {
    if (out != null) {
      flush();
    }
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        out = null;
      }
    }
  }
}
