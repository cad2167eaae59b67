package dev.yuqing.stream.source;

import dev.yuqing.core.Post;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a replay file line by line in the fetcher thread and releases each post when its time
 * comes: a post published {@code d} after the first one played is released {@code d / speed} after
 * it (speed 0: at once). After a restore the clock is anchored again at the first line played, so a
 * restart does not burst to catch up.
 */
final class ReplaySplitReader implements SplitReader<ReplayRecord, ReplaySplit> {
  private static final Logger LOG = LoggerFactory.getLogger(ReplaySplitReader.class);
  private static final int BATCH = 256;
  private static final long MAX_WAIT_MS = 200;

  private final double speed;
  private final double rate;
  private long released;
  private final ArrayDeque<ReplaySplit> queue = new ArrayDeque<>();
  private final Waker waker = new Waker();

  private ReplaySplit current;
  private Lines lines;
  private String name;
  private long offset;
  private long line;
  private ReplayRecord held;
  private long anchorWall = -1;
  private long anchorEvent;

  ReplaySplitReader(double speed, double rate) {
    this.speed = speed;
    this.rate = rate;
  }

  @Override
  public RecordsWithSplitIds<ReplayRecord> fetch() throws IOException {
    if (current == null) {
      current = queue.poll();
      if (current == null) {
        waitMillis(MAX_WAIT_MS);
        return new RecordsBySplits<>(Map.of(), Set.of());
      }
      open(current);
    }
    List<ReplayRecord> batch = new ArrayList<>();
    boolean eof = false;
    while (batch.size() < BATCH) {
      ReplayRecord r = held != null ? held : next();
      held = null;
      if (r == null) {
        eof = true;
        break;
      }
      long wait = delay(r.post());
      if (wait > 0) {
        held = r;
        if (batch.isEmpty()) {
          waitMillis(Math.min(wait, MAX_WAIT_MS));
        }
        break;
      }
      batch.add(r);
      released++;
    }
    String id = current.splitId();
    Map<String, Collection<ReplayRecord>> records = batch.isEmpty() ? Map.of() : Map.of(id, batch);
    if (eof) {
      closeFile();
      current = null;
      return new RecordsBySplits<>(records, Set.of(id));
    }
    return new RecordsBySplits<>(records, Set.of());
  }

  /** Millis until the post is due (0 or less: now): by event time and speed, and by rate. */
  private long delay(Post p) {
    if (p == null || (speed <= 0 && rate <= 0)) {
      return 0;
    }
    long now = System.currentTimeMillis();
    long event = p.eventTime().toEpochMilli();
    if (anchorWall < 0) {
      anchorWall = now;
      anchorEvent = event;
      released = 0;
      return 0;
    }
    long due = anchorWall;
    if (speed > 0) {
      due = Math.max(due, anchorWall + (long) ((event - anchorEvent) / speed));
    }
    if (rate > 0) {
      due = Math.max(due, anchorWall + (long) (released * 1000 / rate));
    }
    return due - now;
  }

  private void open(ReplaySplit s) throws IOException {
    FileChannel ch = FileChannel.open(Path.of(s.path()), StandardOpenOption.READ);
    ch.position(s.offset());
    lines = new Lines(Channels.newInputStream(ch));
    name = Path.of(s.path()).getFileName().toString();
    offset = s.offset();
    line = s.line();
    anchorWall = -1;
  }

  /** The next non-blank line as a record, or null at the end of the file. */
  private ReplayRecord next() throws IOException {
    while (true) {
      int read = lines.next();
      if (read == 0) {
        return null;
      }
      long lineNo = line;
      offset += read;
      line++;
      String text = lines.text().strip();
      if (text.isEmpty()) {
        continue;
      }
      Post p;
      try {
        p = ReplayFormat.parse(text, name + ":" + lineNo, Instant.now());
      } catch (ReplayFormat.BadLine e) {
        // One line per bad input; the rest of the file still plays.
        LOG.warn("{}", e.getMessage());
        p = null;
      }
      return new ReplayRecord(p, offset, line);
    }
  }

  private void waitMillis(long ms) {
    waker.await(ms);
  }

  @Override
  public void handleSplitsChanges(SplitsChange<ReplaySplit> splitsChanges) {
    if (splitsChanges instanceof SplitsAddition<ReplaySplit> add) {
      queue.addAll(add.splits());
    }
  }

  @Override
  public void wakeUp() {
    waker.wake();
  }

  private void closeFile() throws IOException {
    if (lines != null) {
      lines.close();
      lines = null;
    }
  }

  @Override
  public void close() throws IOException {
    closeFile();
  }

  /**
   * The lines of a stream, read in 64 KB blocks: the JDK's buffered and byte-array streams
   * synchronise on every byte.
   */
  static final class Lines implements java.io.Closeable {
    private final InputStream in;
    private final byte[] block = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[4096];
    private int length;

    Lines(InputStream in) {
      this.in = in;
    }

    /**
     * Reads the next line (up to a line feed or the end of the stream).
     *
     * @return the bytes it took, the line feed included; 0 at the end of the stream
     */
    int next() throws IOException {
      length = 0;
      int taken = 0;
      while (true) {
        if (pos == limit) {
          int n = in.read(block);
          if (n <= 0) {
            pos = 0;
            limit = 0;
            return taken;
          }
          pos = 0;
          limit = n;
        }
        int end = pos;
        while (end < limit && block[end] != '\n') {
          end++;
        }
        append(end - pos);
        taken += end - pos;
        if (end < limit) {
          pos = end + 1;
          return taken + 1;
        }
        pos = limit;
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }

    /** The line {@link #next} read, without its line feed, decoded as UTF-8. */
    String text() {
      return new String(line, 0, length, StandardCharsets.UTF_8);
    }

    private void append(int n) {
      if (length + n > line.length) {
        line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
      }
      System.arraycopy(block, pos, line, length, n);
      length += n;
    }
  }
}
