package dev.yuqing.stream.sink;

import org.apache.flink.api.common.operators.ProcessingTimeService;

/**
 * The one processing-time timer a batching sink writer keeps: the first record after it fired arms
 * it, and when it fires (in the task's mailbox thread, after the records already received) the
 * writer hands on everything that arrived meanwhile in one go. The index sink arms it for its
 * commit delay, the alert sink for "at once".
 */
final class BatchTimer {
  private final ProcessingTimeService time;
  private final long delayMs;
  private final Runnable onFire;
  private boolean armed;

  BatchTimer(ProcessingTimeService time, long delayMs, Runnable onFire) {
    this.time = time;
    this.delayMs = delayMs;
    this.onFire = onFire;
  }

  /** Sets the timer unless it is already set. */
  void arm() {
    if (armed) {
      return;
    }
    armed = true;
    time.registerTimer(
        time.getCurrentProcessingTime() + delayMs,
        ts -> {
          armed = false;
          onFire.run();
        });
  }
}
