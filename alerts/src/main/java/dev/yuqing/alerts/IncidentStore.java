package dev.yuqing.alerts;

import dev.yuqing.alerts.incident.Incident;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the alert service keeps its state: incidents (with their member alerts, acknowledgement and
 * resolution) and deliveries (the durable queue of notices per channel, and their outcomes). One
 * small interface so that the backend can change (the journal of {@link AlertStore} today, a
 * database later) without touching the lifecycle or the dispatcher.
 *
 * <p>Every read and write happens in {@link #inTransaction}: the work sees the latest state,
 * including what other processes on the same store committed, and what it writes counts whole or
 * not at all. Implementations are thread-safe; a transaction's {@link Tx} belongs to its thread.
 */
public interface IncidentStore {
  /**
   * Runs {@code work} as one transaction and returns its result. When it throws, nothing it wrote
   * is kept. A transaction started inside another on the same thread joins it.
   */
  <T> T inTransaction(Function<Tx, T> work);

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

    /** The next queue number: more than any delivery's. */
    long nextSeq();
  }
}
