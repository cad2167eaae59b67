package dev.yuqing.index;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.BackoffPolicy;
import dev.yuqing.core.DaemonThreads;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.config.ElasticsearchConfig;
import dev.yuqing.core.json.Json;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write side of the Elasticsearch backend: documents go through a {@link BulkIngester} (which
 * retries 429s itself); failed requests and 5xx items are retried here with exponential backoff for
 * up to {@code retryFor}; anything rejected for good or still failing is parked in the dead-letter
 * file. Counts what is in flight, so that a commit can wait until every post was acknowledged or
 * parked. Thread-safe.
 */
final class ElasticsearchBulkWriter {
  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchBulkWriter.class);
  private static final long MAX_BACKOFF_MS = 10_000;

  private final ElasticsearchConfig config;
  private final DeadLetters deadLetters;
  private final Clock clock;
  private final BulkIngester<Pending> ingester;
  private final ScheduledExecutorService retries;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition drained = lock.newCondition();
  private long pending;
  private volatile boolean stopped;

  ElasticsearchBulkWriter(
      DecoupledTransport transport,
      ElasticsearchConfig config,
      DeadLetters deadLetters,
      Clock clock) {
    this.config = config;
    this.deadLetters = deadLetters;
    this.clock = clock;
    this.retries = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("es-bulk-retry"));
    this.ingester =
        BulkIngester.of(
            b ->
                b.client(new ElasticsearchAsyncClient(transport))
                    .maxOperations(config.bulkActions())
                    .maxConcurrentRequests(2)
                    .flushInterval(config.flushInterval().toMillis(), TimeUnit.MILLISECONDS)
                    .backoffPolicy(BackoffPolicy.exponentialBackoff(100L, 8))
                    .listener(new Listener()));
  }

  /** Waits this long before attempt {@code attempt + 1}: doubling from 100 ms, at most 10 s. */
  static long backoffMillis(int attempt) {
    return Math.min(MAX_BACKOFF_MS, 100L << Math.min(attempt, 16));
  }

  /** Queues the document {@code source} of {@code post} for {@code index}, retried until then. */
  void add(TaggedPost post, String index, String id, Map<String, Object> source, long deadline) {
    BulkOperation op = BulkOperation.of(o -> o.index(i -> i.index(index).id(id).document(source)));
    addPending(1);
    ingester.add(op, new Pending(post, index, op, deadline, 0));
  }

  /** Sends what is queued and waits until every post was acknowledged or parked. */
  void flushAndWait() {
    ingester.flush();
    awaitDrained();
  }

  /** Closes the ingester (after {@link #flushAndWait}). */
  void close() {
    ingester.close();
  }

  /** Stops retrying: what still fails is parked at once. */
  void stopRetries() {
    stopped = true;
    retries.shutdownNow();
  }

  /** One post on its way into the cluster. */
  record Pending(
      TaggedPost post, String index, BulkOperation operation, long deadlineNanos, int attempt) {
    Pending next() {
      return new Pending(post, index, operation, deadlineNanos, attempt + 1);
    }
  }

  /** Blocks until every post handed to the ingester was acknowledged or parked. */
  private void awaitDrained() {
    while (true) {
      lock.lock();
      try {
        if (pending == 0) {
          return;
        }
        drained.await(1, TimeUnit.SECONDS);
        if (pending == 0) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IndexException("interrupted while waiting for Elasticsearch", e);
      } finally {
        lock.unlock();
      }
      // retried posts come back into the ingester's buffer: send them (never under our lock, which
      // the bulk listener needs)
      ingester.flush();
    }
  }

  private void addPending(long n) {
    lock.lock();
    try {
      pending += n;
      if (pending == 0) {
        drained.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Reacts to each bulk response: done, retry later, or park. */
  private final class Listener implements BulkListener<Pending> {
    @Override
    public void beforeBulk(long executionId, BulkRequest request, List<Pending> contexts) {}

    @Override
    public void afterBulk(
        long executionId, BulkRequest request, List<Pending> contexts, BulkResponse response) {
      List<BulkResponseItem> items = response.items();
      long done = 0;
      for (int i = 0; i < items.size(); i++) {
        BulkResponseItem item = items.get(i);
        Pending p = contexts.get(i);
        if (item.error() == null) {
          done++;
        } else if (transientStatus(item.status())) {
          retry(p, item.status() + " " + item.error().type() + ": " + item.error().reason());
        } else {
          park(p, item.status(), item.error().type() + ": " + item.error().reason());
        }
      }
      addPending(-done);
    }

    @Override
    public void afterBulk(
        long executionId, BulkRequest request, List<Pending> contexts, Throwable failure) {
      if (!contexts.isEmpty() && contexts.get(0).attempt() == 0) {
        LOG.warn(
            "bulk request of {} posts failed, retrying for up to {}: {}",
            contexts.size(),
            config.retryFor(),
            failure.toString());
      }
      for (Pending p : contexts) {
        retry(p, failure.toString());
      }
    }
  }

  private static boolean transientStatus(int status) {
    return status == 429 || status >= 500;
  }

  private void retry(Pending p, String reason) {
    if (System.nanoTime() - p.deadlineNanos() > 0 || stopped) {
      park(p, 0, "gave up after " + config.retryFor() + ": " + reason);
      return;
    }
    long delay = backoffMillis(p.attempt());
    retries.schedule(
        () -> {
          try {
            ingester.add(p.operation(), p.next());
            ingester.flush();
          } catch (RuntimeException e) {
            park(p, 0, "could not re-queue: " + e + " (after " + reason + ")");
          }
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  private void park(Pending p, int status, String reason) {
    try {
      deadLetters.park(p.post(), p.index(), status, reason, clock.instant());
      LOG.warn(
          "post {} rejected by Elasticsearch ({}), parked in {}",
          p.post().id(),
          reason,
          deadLetters.file());
    } catch (RuntimeException e) {
      // The dead-letter file failed too: the log is the last place the post can survive.
      LOG.error(
          "post {} rejected ({}) and could not be parked ({}): {}",
          p.post().id(),
          reason,
          e.getMessage(),
          Json.line(p.post()));
    } finally {
      addPending(-1);
    }
  }
}
