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
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert state under {@code DIR/alerts}: the alerts and their deliveries (the durable queue), in
 * a journal, {@code journal.jsonl}. Each line is one transaction: the new versions of the alerts
 * and deliveries that one change wrote (a submitted alert and the notices it queues; a sent
 * delivery and the alert's history line). A line is appended and forced to disk before the change
 * counts, so a crash keeps a transaction whole or drops it whole: a torn last line is ignored and
 * cut off by the next writer. The latest version of each alert and delivery wins.
 *
 * <p>Why a journal and not a file per alert and delivery (as before): that layout cost about 250
 * system calls per alert (temporary file, force, rename, the open marker, the queue counter,
 * listings and stats for every pending delivery; {@code strace -c} of 200 paced alerts through the
 * service), and on this machine system calls were most of the alert service's CPU, which in {@code
 * yuqing bench stream} was a fifth of the whole job's. A transaction here is one append and one
 * force.
 *
 * <p>Changes run under {@link #locked}, which holds a JVM lock and a file lock on {@code
 * DIR/alerts/lock}: the running service, {@code yuqing alerts ack} in another process and the
 * dashboard take turns. Every store keeps what it has read in memory and, before answering, reads
 * only the journal's new lines (one {@code stat} when there are none). When the journal holds
 * several times more versions than there are alerts and deliveries, the writer rewrites it with the
 * latest versions only (to a temporary file, forced, renamed into place); other stores see the new
 * file and read it whole.
 */
public final class AlertStore {
  private static final Logger LOG = LoggerFactory.getLogger(AlertStore.class);

  /** One lock per directory and JVM: the file lock belongs to the process, not the thread. */
  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  /**
   * The lock file, open once per directory and JVM: a POSIX record lock belongs to the process, and
   * closing any descriptor of the file would drop it, so the JVM keeps exactly one (and saves an
   * open and a close per change).
   */
  private static final Map<Path, LockFile> LOCK_FILES = new ConcurrentHashMap<>();

  /** An open lock file and the file it was opened on (its inode). */
  private record LockFile(FileChannel channel, Object fileKey) {}

  static final String JOURNAL = "journal.jsonl";

  /** Rewrite the journal when it holds this many versions and several times the live ones. */
  static final int COMPACT_MIN_ENTRIES = 2000;

  private final Path dir;
  private final Path journal;
  private final int compactMinEntries;
  private final ObjectMapper json = Json.mapper();

  // What this store has read, guarded by this. Versions written under the lock are applied at
  // once, so that the transaction reads its own writes; a failed transaction reloads from disk.
  private final Map<String, AlertRecord> alerts = new HashMap<>();
  private final Map<String, Delivery> deliveries = new HashMap<>();
  private final Map<String, Delivery> pending = new HashMap<>();
  private Object fileKey;
  private long loaded;
  private long seenSize;
  private long entries;
  private long maxSeq;

  /** The versions the open transaction wrote, by id; null outside {@link #locked}. */
  private Map<String, AlertRecord> txnAlerts;

  private Map<String, Delivery> txnDeliveries;

  private Thread txnOwner;

  public AlertStore(Path alertsDir) {
    this(alertsDir, COMPACT_MIN_ENTRIES);
  }

  /** A store that compacts from {@code compactMinEntries} versions on (tests use a few). */
  AlertStore(Path alertsDir, int compactMinEntries) {
    this.compactMinEntries = compactMinEntries;
    this.dir = alertsDir.toAbsolutePath().normalize();
    this.journal = dir.resolve(JOURNAL);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    if (!Files.exists(journal) && Files.isDirectory(dir.resolve("incidents"))) {
      locked(
          () -> {
            importFileLayout();
            return null;
          });
    }
  }

  /** Whether {@code alertsDir} holds an alert store (a journal, or the older file layout). */
  public static boolean exists(Path alertsDir) {
    return Files.isRegularFile(alertsDir.resolve(JOURNAL))
        || Files.isDirectory(alertsDir.resolve("incidents"));
  }

  public Path dir() {
    return dir;
  }

  /**
   * Runs {@code body} as one transaction holding the store's lock (a JVM lock and a file lock on
   * {@code DIR/alerts/lock}): it first reads what others appended, and what it writes is appended
   * and forced as one journal line when it returns. When {@code body} throws, nothing it wrote is
   * kept. Reentrant within a thread.
   */
  public <T> T locked(Supplier<T> body) {
    ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(dir, d -> new ReentrantLock());
    jvm.lock();
    try {
      boolean nested;
      synchronized (this) {
        nested = txnOwner == Thread.currentThread();
      }
      if (nested) {
        return body.get(); // part of the transaction already open
      }
      FileLock file = jvm.getHoldCount() == 1 ? fileLock() : null;
      try {
        return transaction(body);
      } finally {
        if (file != null) {
          release(file);
        }
      }
    } finally {
      jvm.unlock();
    }
  }

  private <T> T transaction(Supplier<T> body) {
    synchronized (this) {
      readJournal();
      cutTornTail();
      txnAlerts = new LinkedHashMap<>();
      txnDeliveries = new LinkedHashMap<>();
      txnOwner = Thread.currentThread();
    }
    boolean committed = false;
    try {
      T result = body.get();
      commit();
      committed = true;
      return result;
    } finally {
      synchronized (this) {
        txnAlerts = null;
        txnDeliveries = null;
        txnOwner = null;
        if (!committed) {
          reload(); // forget what the failed transaction applied in memory
        }
      }
    }
  }

  public synchronized Optional<AlertRecord> get(String id) {
    refresh();
    return Optional.ofNullable(alerts.get(id));
  }

  public void put(AlertRecord r) {
    Objects.requireNonNull(r, "alert record");
    change(
        () -> {
          txnAlerts.put(r.id(), r);
          apply(r);
        });
  }

  /** The open alerts (not resolved), oldest id first. */
  public synchronized List<AlertRecord> open() {
    refresh();
    List<AlertRecord> open = new ArrayList<>();
    for (AlertRecord r : alerts.values()) {
      if (r.open()) {
        open.add(r);
      }
    }
    open.sort(Comparator.comparing(AlertRecord::id));
    return open;
  }

  /** Every alert, newest first (by the time it was received). */
  public synchronized List<AlertRecord> all() {
    refresh();
    List<AlertRecord> all = new ArrayList<>(alerts.values());
    all.sort(
        Comparator.comparing(
                AlertRecord::receivedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .reversed()
            .thenComparing(AlertRecord::id));
    return all;
  }

  public synchronized Optional<Delivery> delivery(String id) {
    refresh();
    return Optional.ofNullable(deliveries.get(id));
  }

  /** Stores a new version of a delivery: queued while pending, kept as history once finished. */
  public void put(Delivery d) {
    Objects.requireNonNull(d, "delivery");
    change(
        () -> {
          txnDeliveries.put(d.id(), d);
          apply(d);
        });
  }

  /** Runs {@code change} in the open transaction (in a transaction of its own outside one). */
  private void change(Runnable change) {
    locked(
        () -> {
          synchronized (this) {
            change.run();
          }
          return null;
        });
  }

  /** The queue: pending deliveries in queue order. */
  public synchronized List<Delivery> pending() {
    refresh();
    return sorted(new ArrayList<>(pending.values()));
  }

  /** Every delivery, pending and finished, in queue order. */
  public synchronized List<Delivery> deliveries() {
    refresh();
    return sorted(new ArrayList<>(deliveries.values()));
  }

  /** The deliveries of one alert in queue order. */
  public synchronized List<Delivery> deliveries(String alertId) {
    refresh();
    List<Delivery> of = new ArrayList<>();
    for (Delivery d : deliveries.values()) {
      if (d.alertId().equals(alertId)) {
        of.add(d);
      }
    }
    return sorted(of);
  }

  /** The next queue number (call under {@link #locked}): one more than any delivery's. */
  synchronized long nextSeq() {
    refresh();
    return ++maxSeq;
  }

  private static List<Delivery> sorted(List<Delivery> ds) {
    ds.sort(Comparator.comparingLong(Delivery::seq).thenComparing(Delivery::id));
    return ds;
  }

  /** One journal line: the versions one transaction wrote. */
  record Txn(List<AlertRecord> alerts, List<Delivery> deliveries) {
    Txn {
      alerts = alerts == null ? List.of() : alerts;
      deliveries = deliveries == null ? List.of() : deliveries;
    }
  }

  private void apply(AlertRecord r) {
    alerts.put(r.id(), r);
  }

  private void apply(Delivery d) {
    deliveries.put(d.id(), d);
    if (d.status() == Delivery.Status.PENDING) {
      pending.put(d.id(), d);
    } else {
      pending.remove(d.id());
    }
    maxSeq = Math.max(maxSeq, d.seq());
  }

  /**
   * Brings this store up to date with the journal, except inside this thread's own transaction:
   * there the lock keeps other writers out, and the transaction's reads need no system call.
   */
  private void refresh() {
    if (txnOwner != Thread.currentThread()) {
      readJournal();
    }
  }

  /** Reads the lines appended since the last read; the whole journal when it was replaced. */
  private void readJournal() {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(journal, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      if (fileKey != null || loaded > 0) {
        clear();
      }
      seenSize = 0;
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(journal + ": cannot read: " + e.getMessage(), e);
    }
    if (!Objects.equals(a.fileKey(), fileKey) || a.size() < loaded) {
      clear(); // a new file (compacted, restored) or a shorter one: read it from the start
      fileKey = a.fileKey();
    }
    if (a.size() > loaded) {
      readFrom(loaded, a.size());
    }
    seenSize = a.size();
  }

  private void reload() {
    clear();
    readJournal();
  }

  private void clear() {
    alerts.clear();
    deliveries.clear();
    pending.clear();
    fileKey = null;
    loaded = 0;
    entries = 0;
    maxSeq = 0;
  }

  /** Applies the complete lines in {@code [from, to)}; a last line without its newline waits. */
  private void readFrom(long from, long to) {
    byte[] bytes;
    try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(to - from));
      while (b.hasRemaining() && ch.read(b, from + b.position()) > 0) {
        // read on
      }
      bytes = b.array();
    } catch (NoSuchFileException e) {
      return; // replaced in between: the next refresh reads the new file
    } catch (IOException e) {
      throw new UncheckedIOException(journal + ": cannot read: " + e.getMessage(), e);
    }
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      if (i > start) {
        applyLine(bytes, start, i - start, from + start);
      }
      start = i + 1;
    }
    loaded = from + start;
  }

  private void applyLine(byte[] bytes, int off, int len, long at) {
    Txn t;
    try {
      t = json.readValue(bytes, off, len, Txn.class);
    } catch (IOException | RuntimeException e) {
      // a damaged line (a disk error, an editor): the rest of the journal still counts
      LOG.warn("{}: skipping the unreadable line at byte {}: {}", journal, at, e.getMessage());
      return;
    }
    t.alerts().forEach(this::apply);
    t.deliveries().forEach(this::apply);
    entries += t.alerts().size() + t.deliveries().size();
  }

  /**
   * Under the lock, bytes after the last complete line are what a writer left when it died in the
   * middle of an append: cut them off, so that the next line starts on a line of its own.
   */
  private void cutTornTail() {
    long size = seenSize;
    if (size > loaded) {
      try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE)) {
        LOG.warn("{}: dropping {} bytes of an unfinished write", journal, size - loaded);
        ch.truncate(loaded);
        ch.force(true);
        seenSize = loaded;
      } catch (IOException e) {
        throw new UncheckedIOException(journal + ": cannot repair: " + e.getMessage(), e);
      }
    }
  }

  /** Appends the transaction as one line and forces it to disk; compacts when it is time. */
  private synchronized void commit() {
    // holds this store's monitor throughout: a reader of this store in another thread would
    // otherwise read the new line while it is written and count it twice
    if (txnAlerts.isEmpty() && txnDeliveries.isEmpty()) {
      return;
    }
    // another store of this directory in this thread may have committed meanwhile (a nested
    // transaction): read its lines, then put this transaction's versions back on top
    long before = loaded;
    readJournal();
    if (loaded != before) {
      txnAlerts.values().forEach(this::apply);
      txnDeliveries.values().forEach(this::apply);
    }
    byte[] line =
        encode(new Txn(List.copyOf(txnAlerts.values()), List.copyOf(txnDeliveries.values())));
    try (FileChannel ch =
        FileChannel.open(
            journal,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND)) {
      ByteBuffer b = ByteBuffer.wrap(line);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(false);
      if (fileKey == null) {
        fileKey = Files.readAttributes(journal, BasicFileAttributes.class).fileKey();
      }
      loaded += line.length;
      seenSize = loaded;
      entries += txnAlerts.size() + txnDeliveries.size();
    } catch (IOException e) {
      try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE)) {
        ch.truncate(loaded); // a partial line must not stay behind
      } catch (IOException ignored) {
        // the next writer cuts it off (cutTornTail)
      }
      throw new UncheckedIOException(journal + ": cannot write: " + e.getMessage(), e);
    }
    long live = alerts.size() + deliveries.size();
    if (entries >= compactMinEntries && entries > 4 * live) {
      compact();
    }
  }

  /** One journal line (ending in a newline). */
  private byte[] encode(Txn t) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
      json.writeValue(out, t);
      out.write('\n');
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode alert state: " + e.getMessage(), e);
    }
  }

  /** Rewrites the journal with the latest versions only (call under the lock). */
  synchronized void compact() {
    replaceJournal(
        alerts.values().stream().sorted(Comparator.comparing(AlertRecord::id)).toList(),
        sorted(new ArrayList<>(deliveries.values())));
    reload();
  }

  /** Writes the versions as a new journal (100 to a line) and moves it into place. */
  private void replaceJournal(List<AlertRecord> as, List<Delivery> ds) {
    Path tmp = dir.resolve("." + JOURNAL + ".tmp");
    try {
      try (FileChannel ch =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        List<Txn> lines = new ArrayList<>();
        for (int i = 0; i < as.size(); i += 100) {
          lines.add(new Txn(as.subList(i, Math.min(as.size(), i + 100)), List.of()));
        }
        for (int i = 0; i < ds.size(); i += 100) {
          lines.add(new Txn(List.of(), ds.subList(i, Math.min(ds.size(), i + 100))));
        }
        for (Txn t : lines) {
          ByteBuffer b = ByteBuffer.wrap(encode(t));
          while (b.hasRemaining()) {
            ch.write(b);
          }
        }
        ch.force(true);
      }
      try {
        Files.move(
            tmp, journal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, journal, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(journal + ": cannot rewrite: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a directory in the older layout (one JSON file per alert in {@code incidents/}, per
   * delivery in {@code deliveries/} and {@code deliveries/done/}, a finished one winning) into a
   * new journal, then moves those files to {@code DIR/alerts/imported/}.
   */
  private void importFileLayout() {
    if (Files.exists(journal)) {
      return; // another process imported it first
    }
    List<AlertRecord> as = new ArrayList<>();
    Map<String, Delivery> ds = new LinkedHashMap<>();
    try {
      for (Path p : jsonFiles(dir.resolve("incidents"))) {
        as.add(json.readValue(p.toFile(), AlertRecord.class));
      }
      for (Path p : jsonFiles(dir.resolve("deliveries"))) {
        Delivery d = json.readValue(p.toFile(), Delivery.class);
        ds.put(d.id(), d);
      }
      for (Path p : jsonFiles(dir.resolve("deliveries").resolve("done"))) {
        Delivery d = json.readValue(p.toFile(), Delivery.class);
        ds.put(d.id(), d);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot import the alert files: " + e.getMessage(), e);
    }
    replaceJournal(as, List.copyOf(ds.values()));
    Path imported = dir.resolve("imported");
    try {
      Files.createDirectories(imported);
      for (String old : List.of("incidents", "deliveries", "seq")) {
        if (Files.exists(dir.resolve(old))) {
          Files.move(dir.resolve(old), imported.resolve(old));
        }
      }
    } catch (IOException e) {
      LOG.warn(
          "{}: imported into {}, but cannot move the old files: {}", dir, JOURNAL, e.toString());
    }
    LOG.info(
        "{}: imported {} alerts and {} deliveries into {}", dir, as.size(), ds.size(), JOURNAL);
    synchronized (this) {
      reload();
    }
  }

  private static List<Path> jsonFiles(Path d) throws IOException {
    List<Path> ps = new ArrayList<>();
    if (!Files.isDirectory(d)) {
      return ps;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(d, "*.json")) {
      s.forEach(ps::add);
    }
    ps.sort(null);
    return ps;
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

  private void release(FileLock lock) {
    try {
      lock.release();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unlock " + dir.resolve("lock"), e);
    }
  }

  @Override
  public String toString() {
    return "AlertStore[" + journal + "]";
  }
}
