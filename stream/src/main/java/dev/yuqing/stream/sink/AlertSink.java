package dev.yuqing.stream.sink;

import dev.yuqing.alerts.AlertService;
import dev.yuqing.core.Alert;
import dev.yuqing.stream.Factory;
import dev.yuqing.stream.metrics.StageMetrics;
import java.io.IOException;
import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;

/**
 * Hands alert decisions to the alerts module's {@link AlertService}, which persists each one before
 * anything is sent and drops an (id, revision) it already has: a job restored from a checkpoint
 * replays its last alerts, and none goes out twice. The service delivers in the background (mail or
 * the outbox, robots) and retries failed deliveries. One writer per data directory: the service
 * locks it, so this sink runs with parallelism 1.
 */
public final class AlertSink implements Sink<Alert> {
  private static final long serialVersionUID = 1L;

  private final Factory<AlertService> service;

  public AlertSink(Factory<AlertService> service) {
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
    s.start(Duration.ofSeconds(1));
    return new Writer(s, context.metricGroup().counter(StageMetrics.ALERTS_DELIVERED));
  }

  private static final class Writer implements SinkWriter<Alert> {
    private final AlertService service;
    private final Counter submitted;

    Writer(AlertService service, Counter submitted) {
      this.service = service;
      this.submitted = submitted;
    }

    @Override
    public void write(Alert alert, Context context) {
      // persisted (durable) when submit returns; a replayed id and revision is dropped
      if (service.submit(alert)) {
        submitted.inc();
      }
    }

    @Override
    public void flush(boolean endOfInput) {
      // nothing buffered: submit is durable
    }

    @Override
    public void close() {
      try {
        service.deliverDue(); // what is due now goes out before the job ends
      } finally {
        service.close();
      }
    }
  }
}
