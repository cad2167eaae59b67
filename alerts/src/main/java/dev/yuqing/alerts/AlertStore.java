package dev.yuqing.alerts;

import dev.yuqing.alerts.incident.Incident;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link IncidentStore} of a data directory, {@code DIR/alerts}: a {@link Journal}, {@code
 * journal.jsonl}, whose lines are transactions (the new versions of the incidents and deliveries
 * one change wrote); the latest version of each wins. The running service, {@code yuqing alerts
 * ack} in another process and the dashboard take turns through the journal's locks; each store
 * keeps what it read in memory and, at the start of a transaction, reads only the lines appended
 * since (one {@code stat} when there are none).
 *
 * <p>When the journal holds several times more versions than there are incidents and deliveries,
 * the writer rewrites it with the latest versions only; other stores see the new file and read it
 * whole.
 */
public final class AlertStore implements IncidentStore {
  static final String JOURNAL = "journal.jsonl";

  /** Rewrite the journal when it holds this many versions and several times the live ones. */
  static final int COMPACT_MIN_ENTRIES = 2000;

  /** One journal line: the versions one transaction wrote. */
  record Txn(List<Incident> incidents, List<Delivery> deliveries) {
    Txn {
      incidents = incidents == null ? List.of() : incidents;
      deliveries = deliveries == null ? List.of() : deliveries;
    }
  }

  private final Path dir;
  private final Journal<Txn> journal;
  private final int compactMinEntries;

  // What this store has read; touched only under the journal's lock. Versions written in a
  // transaction are applied at once, so that it reads its own writes; a failed one reloads.
  private final Map<String, Incident> incidents = new HashMap<>();
  private final Map<String, String> owners = new HashMap<>(); // member alert id → incident id
  private final Map<String, Delivery> deliveries = new HashMap<>();
  private final Map<String, Delivery> pending = new HashMap<>();
  private long entries;
  private long maxSeq;
  private Thread txnOwner;
  private Writes txn;

  public AlertStore(Path alertsDir) {
    this(alertsDir, COMPACT_MIN_ENTRIES);
  }

  /** A store that compacts from {@code compactMinEntries} versions on (tests use a few). */
  AlertStore(Path alertsDir, int compactMinEntries) {
    this.compactMinEntries = compactMinEntries;
    this.dir = alertsDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    this.journal = new Journal<>(dir.resolve(JOURNAL), Txn.class);
  }

  /** Whether {@code alertsDir} holds an alert store. */
  public static boolean exists(Path alertsDir) {
    return Files.isRegularFile(alertsDir.resolve(JOURNAL));
  }

  public Path dir() {
    return dir;
  }

  /**
   * Claims the directory for one running alert service ({@code DIR/alerts/service.lock}) until the
   * returned handle is closed: two services on one store would both send.
   *
   * @throws IllegalStateException when another service holds it
   */
  public AutoCloseable claim() {
    Path path = dir.resolve("service.lock");
    try {
      FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        throw new IllegalStateException(dir + " is in use by another running yuqing alert service");
      }
      FileLock held = lock;
      return () -> {
        held.release();
        ch.close();
      };
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + path, e);
    }
  }

  @Override
  public <T> T inTransaction(Function<Tx, T> work) {
    return journal.locked(
        () -> {
          if (txnOwner == Thread.currentThread()) {
            return work.apply(txn); // part of the transaction already open
          }
          journal.read(this::clear, this::apply);
          journal.cutTornTail();
          Writes w = new Writes();
          txn = w;
          txnOwner = Thread.currentThread();
          boolean committed = false;
          try {
            T result = work.apply(w);
            commit(w);
            committed = true;
            return result;
          } finally {
            txn = null;
            txnOwner = null;
            if (!committed) {
              reload(); // forget what the failed transaction applied in memory
            }
          }
        });
  }

  /** Appends what the transaction wrote as one line; compacts when it is time. */
  private void commit(Writes w) {
    if (w.incidents.isEmpty() && w.deliveries.isEmpty()) {
      return;
    }
    // another store of this directory in this thread may have committed meanwhile (a nested
    // transaction): read its lines, then put this transaction's versions back on top
    if (journal.read(this::clear, this::apply)) {
      w.incidents.values().forEach(this::apply);
      w.deliveries.values().forEach(this::apply);
    }
    journal.append(new Txn(List.copyOf(w.incidents.values()), List.copyOf(w.deliveries.values())));
    long live = incidents.size() + deliveries.size();
    if (entries >= compactMinEntries && entries > 4 * live) {
      compact();
    }
  }

  /** Rewrites the journal with the latest versions only (under the lock), 100 to a line. */
  void compact() {
    List<Incident> is =
        incidents.values().stream().sorted(Comparator.comparing(Incident::id)).toList();
    List<Delivery> ds = sorted(new ArrayList<>(deliveries.values()));
    List<Txn> lines = new ArrayList<>();
    for (int i = 0; i < is.size(); i += 100) {
      lines.add(new Txn(is.subList(i, Math.min(is.size(), i + 100)), List.of()));
    }
    for (int i = 0; i < ds.size(); i += 100) {
      lines.add(new Txn(List.of(), ds.subList(i, Math.min(ds.size(), i + 100))));
    }
    journal.replace(lines);
    reload();
  }

  private void reload() {
    journal.forget(this::clear);
    journal.read(this::clear, this::apply);
  }

  private void clear() {
    incidents.clear();
    owners.clear();
    deliveries.clear();
    pending.clear();
    entries = 0;
    maxSeq = 0;
  }

  private void apply(Txn t) {
    t.incidents().forEach(this::apply);
    t.deliveries().forEach(this::apply);
  }

  private void apply(Incident i) {
    incidents.put(i.id(), i);
    i.members().forEach(m -> owners.put(m.alert().id(), i.id()));
    entries++;
  }

  private void apply(Delivery d) {
    deliveries.put(d.id(), d);
    if (d.status() == Delivery.Status.PENDING) {
      pending.put(d.id(), d);
    } else {
      pending.remove(d.id());
    }
    maxSeq = Math.max(maxSeq, d.seq());
    entries++;
  }

  private static List<Delivery> sorted(List<Delivery> ds) {
    ds.sort(Comparator.comparingLong(Delivery::seq).thenComparing(Delivery::id));
    return ds;
  }

  private static List<Incident> oldestFirst(List<Incident> is) {
    is.sort(Comparator.comparing(Incident::openedAt).thenComparing(Incident::id));
    return is;
  }

  /** A transaction's view: this store's memory, and what it wrote. */
  private final class Writes implements Tx {
    final Map<String, Incident> incidents = new LinkedHashMap<>();
    final Map<String, Delivery> deliveries = new LinkedHashMap<>();

    @Override
    public Optional<Incident> incident(String id) {
      return Optional.ofNullable(AlertStore.this.incidents.get(id));
    }

    @Override
    public Optional<Incident> incidentOf(String alertId) {
      String id = owners.get(alertId);
      return id == null ? Optional.empty() : incident(id);
    }

    @Override
    public List<Incident> open(String project) {
      List<Incident> open = new ArrayList<>();
      for (Incident i : AlertStore.this.incidents.values()) {
        if (i.open() && i.project().equals(project)) {
          open.add(i);
        }
      }
      return oldestFirst(open);
    }

    @Override
    public List<Incident> open() {
      return oldestFirst(
          new ArrayList<>(
              AlertStore.this.incidents.values().stream().filter(Incident::open).toList()));
    }

    @Override
    public List<Incident> all() {
      List<Incident> all = oldestFirst(new ArrayList<>(AlertStore.this.incidents.values()));
      java.util.Collections.reverse(all);
      return all;
    }

    @Override
    public void put(Incident i) {
      Objects.requireNonNull(i, "incident");
      incidents.put(i.id(), i);
      apply(i);
    }

    @Override
    public Optional<Delivery> delivery(String id) {
      return Optional.ofNullable(AlertStore.this.deliveries.get(id));
    }

    @Override
    public List<Delivery> pending() {
      return sorted(new ArrayList<>(pending.values()));
    }

    @Override
    public List<Delivery> deliveries(String incidentId) {
      List<Delivery> of = new ArrayList<>();
      for (Delivery d : AlertStore.this.deliveries.values()) {
        if (d.incidentId().equals(incidentId)) {
          of.add(d);
        }
      }
      return sorted(of);
    }

    @Override
    public List<Delivery> deliveries() {
      return sorted(new ArrayList<>(AlertStore.this.deliveries.values()));
    }

    @Override
    public void put(Delivery d) {
      Objects.requireNonNull(d, "delivery");
      deliveries.put(d.id(), d);
      apply(d);
    }

    @Override
    public long nextSeq() {
      return ++maxSeq;
    }
  }

  @Override
  public String toString() {
    return "AlertStore[" + journal.file() + "]";
  }
}
