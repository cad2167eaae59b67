package dev.yuqing.crawler.fetch;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per-host pacing: at most {@code concurrency} requests in flight to one host, and at least {@code
 * delay} between the end of one request and the start of the next. Thread-safe; shared by every
 * source of one fetcher so that two sources on one site do not double its load.
 */
final class HostGate {
  private final int concurrency;
  private final Duration delay;
  private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

  private static final ConcurrentHashMap<String, HostGate> SHARED = new ConcurrentHashMap<>();

  HostGate(int concurrency, Duration delay) {
    this.concurrency = concurrency;
    this.delay = delay;
  }

  /**
   * The gate every fetcher of this JVM with these limits shares: the stream job runs several source
   * readers in one JVM, each with its own fetcher, and a host must not see their sum.
   */
  static HostGate shared(int concurrency, Duration delay) {
    return SHARED.computeIfAbsent(concurrency + "/" + delay, k -> new HostGate(concurrency, delay));
  }

  /** A permit for one request; close it when the response has been read. */
  Permit acquire(String host, Duration extraDelay) throws InterruptedException {
    Host h = hosts.computeIfAbsent(host, k -> new Host(new Semaphore(concurrency, true)));
    h.slots.acquire();
    long gap = Math.max(delay.toNanos(), extraDelay == null ? 0 : extraDelay.toNanos());
    while (true) {
      long wait;
      synchronized (h) {
        long now = System.nanoTime();
        wait = h.nextAllowed - now;
        if (wait <= 0) {
          // reserve this start so that parallel permits are spaced too
          h.nextAllowed = now + gap;
          break;
        }
      }
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
    return () -> {
      synchronized (h) {
        h.nextAllowed = Math.max(h.nextAllowed, System.nanoTime() + gap);
      }
      h.slots.release();
    };
  }

  /** A held slot; closing releases it. */
  interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  private static final class Host {
    final Semaphore slots;
    long nextAllowed = Long.MIN_VALUE / 2;

    Host(Semaphore slots) {
      this.slots = slots;
    }
  }
}
