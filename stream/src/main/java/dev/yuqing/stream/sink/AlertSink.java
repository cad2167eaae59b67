package dev.yuqing.stream.sink;

import dev.yuqing.alerts.AlertService;
import dev.yuqing.core.Alert;
import dev.yuqing.stream.TaskManagerFactory;
import dev.yuqing.stream.metrics.StageMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;

/**
 * Hands alert decisions to the alerts module's {@link AlertService}, which groups them into
 * incidents and persists each one before anything is sent, and drops an (id, revision) it already
 * has: a job restored from a checkpoint replays its last alerts, and none goes out twice. The
 * service delivers in the background (mail or the outbox, robots) and retries failed deliveries.
 * One writer per data directory: the service locks it, so this sink runs with parallelism 1.
 */
public final class AlertSink implements Sink<Alert> {
  private static final long serialVersionUID = 1L;

  /** How often the service looks for messages due and deliveries to retry. */
  static final Duration TICK = Duration.ofMillis(250);

  private final TaskManagerFactory<AlertService> service;

  public AlertSink(TaskManagerFactory<AlertService> service) {
    this.service = service;
  }

  @Override
  public SinkWriter<Alert> createWriter(WriterInitContext context) throws IOException {
    AlertService s;
    try {
      s = service.create();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot open the alert service: " + e.getMessage(), e);
    }
    // the group wait and the interval end between alerts: a short period keeps their messages on
    // time
    s.start(TICK);
    return new Writer(
        s,
        context.getProcessingTimeService(),
        context.metricGroup().counter(StageMetrics.ALERTS_DELIVERED));
  }

  /**
   * Submits the alerts of one burst together: the first one sets a timer due at once, which runs in
   * the task's mailbox after the records already received, so what the rules emitted at once (a
   * watermark closing windows, an unpaced replay) is one transaction of the service (one journal
   * line, one force) instead of one each; a lone alert goes as soon as it came. Before a checkpoint
   * ({@link #flush}) everything received is submitted: what the checkpoint covers is durable, and
   * alerts after it are emitted again on a restore and dropped as replays. When a bounded input
   * ends, no alert can join an incident any more: what waits for the group wait or the interval is
   * issued, and sent before the job ends.
   */
  private static final class Writer implements SinkWriter<Alert> {
    private final AlertService service;
    private final BatchTimer timer;
    private final Counter submitted;
    private final List<Alert> pending = new ArrayList<>();

    Writer(AlertService service, ProcessingTimeService time, Counter submitted) {
      this.service = service;
      this.timer = new BatchTimer(time, 0, this::submitPending);
      this.submitted = submitted;
    }

    @Override
    public void write(Alert alert, Context context) {
      pending.add(alert);
      timer.arm();
    }

    /** Persisted (durable) when it returns; a replayed id and revision is dropped. */
    private void submitPending() {
      if (pending.isEmpty()) {
        return;
      }
      int fresh = service.submitAll(List.copyOf(pending));
      pending.clear();
      submitted.inc(fresh);
    }

    @Override
    public void flush(boolean endOfInput) {
      submitPending();
      if (endOfInput) {
        service.issueWaiting();
      }
    }

    @Override
    public void close() {
      try {
        submitPending();
        service.deliverDue(); // what is due now goes out before the job ends
      } finally {
        service.close();
      }
    }
  }
}
