package dev.yuqing.dashboards.web;

import dev.yuqing.core.DaemonThreads;
import dev.yuqing.dashboards.IncidentDesk;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes "the desk changed" to every open page as a server-sent event ({@code GET /events}, event
 * {@code desk}): one thread of the server looks at the desk's change count once a second (one small
 * query, whoever listens) and tells the pages, which then fetch what they show; browsers never
 * poll. A comment line every {@link #KEEPALIVE_SECONDS} keeps proxies from closing idle streams and
 * finds the pages that went away. Thread-safe.
 */
final class LiveEvents implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);
  static final int KEEPALIVE_SECONDS = 15;

  private final IncidentDesk desk;
  private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dashboard-live"));
  private long last = -1;
  private int quiet;

  LiveEvents(IncidentDesk desk) {
    this.desk = desk;
    ticker.scheduleWithFixedDelay(this::look, 1, 1, TimeUnit.SECONDS);
  }

  /** {@code GET /events}: the page's stream, kept open after this returns. */
  void subscribe(DashboardExchange x) throws IOException {
    OutputStream out = x.eventStream();
    out.write(
        ("retry: 3000\nevent: hello\ndata: " + Math.max(last, 0) + "\n\n")
            .getBytes(StandardCharsets.UTF_8));
    out.flush();
    listeners.add(out);
  }

  private void look() {
    try {
      long now = desk.changes();
      if (last >= 0 && now != last) {
        broadcast("event: desk\ndata: " + now + "\n\n");
        quiet = 0;
      } else if (++quiet >= KEEPALIVE_SECONDS) {
        broadcast(": keep-alive\n\n");
        quiet = 0;
      }
      last = now;
    } catch (RuntimeException e) {
      LOG.warn("live events: cannot read the desk: {}", e.toString());
    }
  }

  private void broadcast(String event) {
    byte[] b = event.getBytes(StandardCharsets.UTF_8);
    for (OutputStream out : listeners) {
      try {
        out.write(b);
        out.flush();
      } catch (IOException e) {
        listeners.remove(out); // the page went away
        closeQuietly(out);
      }
    }
  }

  int listeners() {
    return listeners.size();
  }

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException ignored) {
      // the connection is gone already
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    listeners.forEach(LiveEvents::closeQuietly);
    listeners.clear();
  }
}
