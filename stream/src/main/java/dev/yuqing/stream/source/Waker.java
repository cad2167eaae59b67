package dev.yuqing.stream.source;

/**
 * Lets a split reader's fetcher thread pause until a deadline or until Flink calls {@code
 * wakeUp()}, whichever comes first; a wake-up that comes while the thread is not waiting ends its
 * next wait at once.
 */
final class Waker {
  private final Object monitor = new Object();
  private boolean woken;

  /** Waits at most {@code ms} (none when 0 or less), and forgets any wake-up so far. */
  void await(long ms) {
    synchronized (monitor) {
      if (!woken && ms > 0) {
        try {
          monitor.wait(ms);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      woken = false;
    }
  }

  /** Ends the current or the next wait. */
  void wake() {
    synchronized (monitor) {
      woken = true;
      monitor.notifyAll();
    }
  }
}
