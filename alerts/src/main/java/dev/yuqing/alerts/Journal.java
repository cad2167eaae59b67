package dev.yuqing.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yuqing.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of JSON lines, one per transaction, shared by the processes that open it: a
 * line is appended and forced before its change counts, so a crash keeps a transaction whole or
 * drops it whole (a torn last line is ignored, and cut off by the next writer). Readers take only
 * the lines appended since they last read; a compaction writes a new file and moves it into place,
 * which readers notice (another inode) and read from the start.
 *
 * <p>Writers take turns through {@link #lock}: a JVM lock per directory and a file lock on {@code
 * lock} beside the journal. Not thread-safe otherwise: its user calls it under that lock.
 *
 * @param <L> the type of a line
 */
final class Journal<L> {
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

  /** One lock per directory and JVM: the file lock belongs to the process, not the thread. */
  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  /**
   * The lock file, open once per directory and JVM: a POSIX record lock belongs to the process, and
   * closing any descriptor of the file would drop it.
   */
  private static final Map<Path, LockFile> LOCK_FILES = new ConcurrentHashMap<>();

  private record LockFile(FileChannel channel, Object fileKey) {}

  private final Path dir;
  private final Path file;
  private final Class<L> type;
  private final ObjectMapper json = Json.mapper();
  private Object fileKey;
  private long loaded;
  private long seenSize;

  Journal(Path file, Class<L> type) {
    this.file = file;
    this.dir = file.getParent();
    this.type = type;
  }

  Path file() {
    return file;
  }

  /**
   * Runs {@code body} holding the directory's JVM lock and, unless this thread holds it already,
   * the file lock.
   */
  <T> T locked(java.util.function.Supplier<T> body) {
    ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(dir, d -> new ReentrantLock());
    jvm.lock();
    try {
      FileLock lock = jvm.getHoldCount() == 1 ? fileLock() : null;
      try {
        return body.get();
      } finally {
        if (lock != null) {
          try {
            lock.release();
          } catch (IOException e) {
            throw new UncheckedIOException("cannot unlock " + dir.resolve("lock"), e);
          }
        }
      }
    } finally {
      jvm.unlock();
    }
  }

  /**
   * Applies the lines appended since the last read, in order; when the file was replaced (or
   * shortened, or removed) calls {@code reset} first and reads it from the start. A damaged line is
   * skipped with a warning; an unfinished last line waits.
   *
   * @return whether anything changed: lines applied, or a reset
   */
  boolean read(Runnable reset, Consumer<L> apply) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      boolean had = fileKey != null || loaded > 0;
      if (had) {
        forget(reset);
      }
      seenSize = 0;
      return had;
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
    boolean changed = false;
    if (!Objects.equals(a.fileKey(), fileKey) || a.size() < loaded) {
      forget(reset);
      fileKey = a.fileKey();
      changed = true;
    }
    if (a.size() > loaded) {
      long before = loaded;
      readFrom(loaded, a.size(), apply);
      changed |= loaded != before;
    }
    seenSize = a.size();
    return changed;
  }

  /** Forgets what was read: the next {@link #read} starts from the beginning. */
  void forget(Runnable reset) {
    reset.run();
    fileKey = null;
    loaded = 0;
  }

  private void readFrom(long from, long to, Consumer<L> apply) {
    byte[] bytes;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(to - from));
      while (b.hasRemaining() && ch.read(b, from + b.position()) > 0) {
        // read on
      }
      bytes = b.array();
    } catch (NoSuchFileException e) {
      return; // replaced in between: the next read takes the new file
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      if (i > start) {
        L line;
        try {
          line = json.readValue(bytes, start, i - start, type);
        } catch (IOException | RuntimeException e) {
          // a damaged line (a disk error, an editor): the rest of the journal still counts
          LOG.warn(
              "{}: skipping the unreadable line at byte {}: {}",
              file,
              from + start,
              e.getMessage());
          line = null;
        }
        if (line != null) {
          apply.accept(line);
        }
      }
      start = i + 1;
    }
    loaded = from + start;
  }

  /**
   * Under the lock, bytes after the last complete line are what a writer left when it died in the
   * middle of an append: cut them off, so that the next line starts on a line of its own.
   */
  void cutTornTail() {
    if (seenSize > loaded) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        LOG.warn("{}: dropping {} bytes of an unfinished write", file, seenSize - loaded);
        ch.truncate(loaded);
        ch.force(true);
        seenSize = loaded;
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": cannot repair: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Appends one line and forces it to disk; call after {@link #read} under the lock. On failure
   * nothing of it stays.
   */
  void append(L line) {
    byte[] bytes = encode(line);
    try (FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(false);
      if (fileKey == null) {
        fileKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
      }
      loaded += bytes.length;
      seenSize = loaded;
    } catch (IOException e) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(loaded); // a partial line must not stay behind
      } catch (IOException ignored) {
        // the next writer cuts it off (cutTornTail)
      }
      throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
    }
  }

  /** Writes {@code lines} as a new journal and moves it into place (call under the lock). */
  void replace(List<L> lines) {
    Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
    try {
      try (FileChannel ch =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        for (L l : lines) {
          ByteBuffer b = ByteBuffer.wrap(encode(l));
          while (b.hasRemaining()) {
            ch.write(b);
          }
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot rewrite: " + e.getMessage(), e);
    }
  }

  private byte[] encode(L line) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
      json.writeValue(out, line);
      out.write('\n');
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a journal line: " + e.getMessage(), e);
    }
  }

  private FileLock fileLock() {
    Path lockPath = dir.resolve("lock");
    try {
      LockFile held = LOCK_FILES.get(dir);
      Object key = held == null ? null : fileKeyOf(lockPath);
      if (held == null || key == null || !key.equals(held.fileKey()) || !held.channel().isOpen()) {
        // first use, or the file was deleted or replaced (the directory removed and made again):
        // a lock on the old inode would keep no one out
        if (held != null) {
          held.channel().close();
        }
        FileChannel ch =
            FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        held = new LockFile(ch, fileKeyOf(lockPath));
        LOCK_FILES.put(dir, held);
      }
      return held.channel().lock();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + lockPath + ": " + e.getMessage(), e);
    }
  }

  private static Object fileKeyOf(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
