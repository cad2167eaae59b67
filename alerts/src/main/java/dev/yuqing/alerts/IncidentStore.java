package dev.yuqing.alerts;

import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.incident.LogEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the incident desk keeps its state: incidents (with their member alerts, acknowledgement,
 * assignment and resolution), their response logs, and deliveries (the durable queue of notices per
 * channel, and their outcomes). One small interface so that the backend can change (an embedded
 * SQLite file or PostgreSQL, {@link dev.yuqing.alerts.store.JdbcIncidentStore}) without touching
 * the lifecycle or the dispatcher.
 *
 * <p>Every read and write happens in {@link #inTransaction}: the work sees the latest state,
 * including what other processes on the same store committed, and what it writes counts whole or
 * not at all; transactions that write are serialised. Implementations are thread-safe; a
 * transaction's {@link Tx} belongs to its thread.
 */
public interface IncidentStore {
  /**
   * Runs {@code work} as one transaction and returns its result. When it throws, nothing it wrote
   * is kept. A transaction started inside another on the same thread joins it.
   */
  <T> T inTransaction(Function<Tx, T> work);

  /**
   * Claims the oldest due pending delivery that is the first pending one of its incident and
   * channel, skipping those in {@code skip}, and runs {@code work} on it while no other dispatcher
   * on this store can claim it; what {@code work} records through {@link Claim#record} commits with
   * the claim. When the process dies in {@code work}, the claim lapses and the delivery is due
   * again. On a shared database several dispatchers claim side by side; on the embedded store one
   * service owns the queue.
   *
   * @return empty when nothing is due
   */
  <T> Optional<T> claimNext(Instant now, Set<String> skip, Function<Claim, T> work);

  /** A delivery a dispatcher holds. */
  interface Claim {
    Delivery delivery();

    /** Runs {@code work} in the transaction that records the claim's outcome. */
    <R> R record(Function<Tx, R> work);
  }

  /** Reads and writes inside one transaction. */
  interface Tx {
    Optional<Incident> incident(String id);

    /** The incident alert {@code alertId} is a member of. */
    Optional<Incident> incidentOf(String alertId);

    /** The open (not resolved) incidents of a project, oldest first. */
    List<Incident> open(String project);

    /** Every open incident, oldest first. */
    List<Incident> open();

    /** Every incident, newest first (by when it opened). */
    List<Incident> all();

    /** Stores a new version of an incident (its members included). */
    void put(Incident i);

    Optional<Delivery> delivery(String id);

    /** The queue: pending deliveries in queue order. */
    List<Delivery> pending();

    /** The deliveries of one incident, in queue order. */
    List<Delivery> deliveries(String incidentId);

    /** Every delivery, pending and finished, in queue order. */
    List<Delivery> deliveries();

    /** Stores a new version of a delivery. */
    void put(Delivery d);

    /**
     * The pending deliveries of one incident and channel that no dispatcher is sending, in queue
     * order: those a newer message may fold into itself.
     */
    List<Delivery> foldable(String incidentId, String channel);

    /** The next queue number: more than any delivery's. */
    long nextSeq();

    /** An incident's response log, oldest first. */
    List<LogEntry> log(String incidentId);

    /** Appends an entry to its incident's response log. */
    void append(LogEntry e);
  }
}
