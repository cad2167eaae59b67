package dev.yuqing.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The alert state under {@code DIR/alerts}: one JSON file per alert ({@code incidents/}, with an
 * empty marker in {@code incidents/open/} while it is open) and per delivery ({@code deliveries/}
 * while pending, {@code deliveries/done/} once sent, failed or superseded), so that the service's
 * periodic work reads only what is open or pending however long the history grows. Every write goes
 * to a temporary file, is forced to disk and moved into place, so a crash leaves either the old or
 * the new version. Changes run under {@link #locked}, which holds a file lock: the running service
 * and a {@code yuqing alerts ack} in another process take turns.
 */
public final class AlertStore {
  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private final Path dir;
  private final Path incidents;
  private final Path openMarks;
  private final Path deliveries;
  private final Path done;
  private final ObjectMapper json;

  /**
   * Files parsed before, by path, while unchanged on disk. The service's tick reads every open
   * alert and pending delivery after every burst of submits, so without this the JSON parsing per
   * tick grew with the number of open alerts (in bench stream, where about 200 alerts open and
   * close in a few seconds, the alert service thread went from about 10 % to 8–9 % of the job's
   * CPU: a small saving, within the bench's noise). Values are immutable records; another process's
   * change (a {@code yuqing alerts ack}) is a new file version and is read again.
   */
  private final Map<Path, Parsed> parsed = new ConcurrentHashMap<>();

  private static final int PARSED_MAX = 4096;

  public AlertStore(Path alertsDir) {
    this.dir = alertsDir.toAbsolutePath().normalize();
    this.incidents = dir.resolve("incidents");
    this.openMarks = incidents.resolve("open");
    this.deliveries = dir.resolve("deliveries");
    this.done = deliveries.resolve("done");
    this.json = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
    try {
      Files.createDirectories(openMarks);
      Files.createDirectories(done);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  public Path dir() {
    return dir;
  }

  /**
   * Runs {@code body} holding the store's lock (a JVM lock and a file lock on {@code
   * DIR/alerts/lock}). Reentrant within a thread.
   */
  public <T> T locked(Supplier<T> body) {
    ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(dir, d -> new ReentrantLock());
    jvm.lock();
    try {
      if (jvm.getHoldCount() > 1) {
        return body.get();
      }
      try (FileChannel ch =
              FileChannel.open(
                  dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = ch.lock()) {
        return body.get();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot lock " + dir.resolve("lock"), e);
      }
    } finally {
      jvm.unlock();
    }
  }

  public Optional<AlertRecord> get(String id) {
    return read(incidents.resolve(safe(id) + ".json"), AlertRecord.class);
  }

  public void put(AlertRecord r) {
    write(incidents.resolve(safe(r.id()) + ".json"), r);
    Path mark = openMarks.resolve(safe(r.id()));
    try {
      if (r.open()) {
        if (!Files.exists(mark)) {
          Files.createFile(mark);
        }
      } else {
        Files.deleteIfExists(mark);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(mark + ": cannot mark: " + e.getMessage(), e);
    }
  }

  /** The open alerts (not resolved), oldest id first. */
  public List<AlertRecord> open() {
    List<AlertRecord> open = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(openMarks)) {
      for (Path p : s) {
        get(p.getFileName().toString()).ifPresent(open::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + openMarks, e);
    }
    open.sort(Comparator.comparing(AlertRecord::id));
    return open;
  }

  /** Every alert, newest first (by the time it was received). */
  public List<AlertRecord> all() {
    List<AlertRecord> all = new ArrayList<>();
    for (Path p : list(incidents)) {
      read(p, AlertRecord.class).ifPresent(all::add);
    }
    all.sort(
        Comparator.comparing(
                AlertRecord::receivedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .reversed()
            .thenComparing(AlertRecord::id));
    return all;
  }

  public Optional<Delivery> delivery(String id) {
    Optional<Delivery> finished = read(done.resolve(safe(id) + ".json"), Delivery.class);
    return finished.isPresent()
        ? finished
        : read(deliveries.resolve(safe(id) + ".json"), Delivery.class);
  }

  /** Stores a delivery; a finished one moves from the queue to {@code done/}. */
  public void put(Delivery d) {
    Path pending = deliveries.resolve(safe(d.id()) + ".json");
    if (d.status() == Delivery.Status.PENDING) {
      write(pending, d);
      return;
    }
    // done first, then out of the queue: a crash in between leaves both, and done wins
    write(done.resolve(safe(d.id()) + ".json"), d);
    try {
      parsed.remove(pending);
      Files.deleteIfExists(pending);
    } catch (IOException e) {
      throw new UncheckedIOException(pending + ": cannot remove: " + e.getMessage(), e);
    }
  }

  /** The queue: pending deliveries in queue order. */
  public List<Delivery> pending() {
    List<Delivery> all = new ArrayList<>();
    for (Path p : list(deliveries)) {
      read(p, Delivery.class)
          .filter(d -> !Files.exists(done.resolve(p.getFileName())))
          .ifPresent(all::add);
    }
    all.sort(Comparator.comparingLong(Delivery::seq).thenComparing(Delivery::id));
    return all;
  }

  /** Every delivery, pending and finished, in queue order. */
  public List<Delivery> deliveries() {
    List<Delivery> all = new ArrayList<>(pending());
    for (Path p : list(done)) {
      read(p, Delivery.class).ifPresent(all::add);
    }
    all.sort(Comparator.comparingLong(Delivery::seq).thenComparing(Delivery::id));
    return all;
  }

  /** The deliveries of one alert in queue order. */
  public List<Delivery> deliveries(String alertId) {
    return deliveries().stream().filter(d -> d.alertId().equals(alertId)).toList();
  }

  /** The next queue number (call under {@link #locked}). */
  long nextSeq() {
    Path f = dir.resolve("seq");
    long next = 1;
    try {
      if (Files.exists(f)) {
        next = Long.parseLong(Files.readString(f).strip()) + 1;
      }
    } catch (IOException | NumberFormatException e) {
      // a damaged counter: continue after the highest delivery on disk
      next = deliveries().stream().mapToLong(Delivery::seq).max().orElse(0) + 1;
    }
    writeBytes(f, Long.toString(next).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return next;
  }

  private static String safe(String id) {
    if (!id.matches("[A-Za-z0-9._@~+-]+")) {
      throw new IllegalArgumentException("not a valid alert or delivery id: '" + id + "'");
    }
    return id;
  }

  private List<Path> list(Path d) {
    List<Path> ps = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(d, "*.json")) {
      s.forEach(ps::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + d, e);
    }
    ps.sort(null);
    return ps;
  }

  private <T> Optional<T> read(Path p, Class<T> type) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      Stamp stamp = Stamp.of(a);
      Parsed cached = parsed.get(p);
      if (cached != null && cached.stamp().equals(stamp) && type.isInstance(cached.value())) {
        return Optional.of(type.cast(cached.value()));
      }
      T value = json.readValue(Files.readAllBytes(p), type);
      remember(p, stamp, value);
      return Optional.of(value);
    } catch (NoSuchFileException e) {
      parsed.remove(p);
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(p + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * What identifies one version of a file: every write replaces the file by renaming a new one into
   * place, so a new version is a new inode (the file key), and modification time and size tell a
   * reused inode apart (this process forgets a file it writes itself, so only another process
   * writing a file twice within one clock tick could go unseen). Null file key (not Linux): time
   * and size alone.
   */
  private record Stamp(Object fileKey, FileTime modified, long size) {
    static Stamp of(BasicFileAttributes a) {
      return new Stamp(a.fileKey(), a.lastModifiedTime(), a.size());
    }
  }

  private void remember(Path p, Stamp stamp, Object value) {
    if (parsed.size() >= PARSED_MAX) {
      parsed.clear(); // the working set (open alerts, pending deliveries) is refilled at once
    }
    parsed.put(p, new Parsed(stamp, value));
  }

  /** A parsed file and the version it was parsed from. */
  private record Parsed(Stamp stamp, Object value) {}

  private void write(Path p, Object value) {
    try {
      writeBytes(p, json.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(p + ": cannot write: " + e.getMessage(), e);
    }
  }

  private void writeBytes(Path p, byte[] bytes) {
    parsed.remove(p); // this process's writes never rely on the stamp
    try {
      Path tmp = p.resolveSibling("." + p.getFileName() + ".tmp");
      try (FileChannel ch =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(p + ": cannot write: " + e.getMessage(), e);
    }
  }
}
