package dev.yuqing.stream.metrics;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;

/**
 * A metric reporter that keeps references to yuqing's counters and histograms and to Flink's
 * back-pressure gauges, so that a command running the job in-process (demo, replay, bench) can
 * print progress live. Values of finished tasks are folded into totals when Flink removes their
 * metrics, so the figures survive the end of the job.
 *
 * <p>Registered by {@link ProgressReporterFactory} through the cluster configuration; only
 * meaningful in the JVM that runs the cluster (MiniCluster). Thread-safe.
 */
public final class ProgressReporter implements MetricReporter {
  private static final Set<ProgressReporter> LIVE = ConcurrentHashMap.newKeySet();

  private final Map<Metric, String> counters = new IdentityHashMap<>();
  private final Map<Metric, String> histograms = new IdentityHashMap<>();
  private final Map<Metric, String> gauges = new IdentityHashMap<>();
  private final Map<String, Long> retiredCounts = new HashMap<>();
  private final Map<String, LatencyHistogram> retiredHistograms = new HashMap<>();

  @Override
  public void open(MetricConfig config) {
    LIVE.add(this);
  }

  @Override
  public void close() {
    LIVE.remove(this);
  }

  @Override
  public synchronized void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
    if (name.startsWith(StageMetrics.PREFIX)) {
      if (metric instanceof Counter) {
        counters.put(metric, name);
      } else if (metric instanceof LatencyHistogram) {
        histograms.put(metric, name);
      }
    } else if ((name.equals(StageMetrics.BACK_PRESSURED) || name.equals(StageMetrics.BUSY))
        && metric instanceof Gauge) {
      Map<String, String> v = group.getAllVariables();
      gauges.put(metric, name + "|" + v.get("<task_name>") + "#" + v.get("<subtask_index>"));
    }
  }

  @Override
  public synchronized void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
    String c = counters.remove(metric);
    if (c != null) {
      retiredCounts.merge(c, ((Counter) metric).getCount(), Long::sum);
    }
    String h = histograms.remove(metric);
    if (h != null) {
      retiredHistograms
          .computeIfAbsent(h, k -> new LatencyHistogram())
          .mergeFrom((LatencyHistogram) metric);
    }
    gauges.remove(metric);
  }

  private synchronized void addTo(Snapshot s) {
    retiredCounts.forEach((k, v) -> s.counts.merge(k, v, Long::sum));
    counters.forEach((m, k) -> s.counts.merge(k, ((Counter) m).getCount(), Long::sum));
    if (s.histograms != null) {
      retiredHistograms.forEach((k, h) -> s.histogram(k).mergeFrom(h));
      histograms.forEach((m, k) -> s.histogram(k).mergeFrom((LatencyHistogram) m));
    }
    gauges.forEach(
        (m, k) -> {
          Object v = ((Gauge<?>) m).getValue();
          if (v instanceof Number n) {
            int bar = k.indexOf('|');
            String metric = k.substring(0, bar);
            String task = k.substring(bar + 1);
            (metric.equals(StageMetrics.BUSY) ? s.busy : s.backPressured)
                .put(task, n.doubleValue());
          }
        });
  }

  private synchronized void clear() {
    retiredCounts.clear();
    retiredHistograms.clear();
  }

  /** Everything all live reporters know right now. */
  public static Snapshot snapshot() {
    return snapshot(true);
  }

  /**
   * What all live reporters know right now; the latency histograms only when asked for: merging
   * them allocates, and the embedded runs sample back-pressure (and bench stream its progress) many
   * times a second.
   */
  public static Snapshot snapshot(boolean latencies) {
    Snapshot s = new Snapshot(latencies);
    for (ProgressReporter r : LIVE) {
      r.addTo(s);
    }
    return s;
  }

  /** Forgets the totals of earlier jobs (call before starting a job in a JVM that ran others). */
  public static void reset() {
    for (ProgressReporter r : LIVE) {
      r.clear();
    }
  }

  /** A point-in-time view: counters summed over subtasks, histograms merged. */
  public static final class Snapshot {
    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, LatencyHistogram> histograms;
    private final Map<String, Double> backPressured = new TreeMap<>();
    private final Map<String, Double> busy = new TreeMap<>();

    private Snapshot(boolean latencies) {
      histograms = latencies ? new TreeMap<>() : null;
    }

    public long count(String name) {
      return counts.getOrDefault(name, 0L);
    }

    /**
     * A latency histogram merged over subtasks.
     *
     * @throws IllegalStateException when the snapshot was taken without latencies
     */
    public LatencyHistogram histogram(String name) {
      if (histograms == null) {
        throw new IllegalStateException("snapshot taken without latency histograms: " + name);
      }
      return histograms.computeIfAbsent(name, k -> new LatencyHistogram());
    }

    /** Task (name#subtask) → ms per second back-pressured, for the tasks running now. */
    public Map<String, Double> backPressured() {
      return backPressured;
    }

    /** Task (name#subtask) → ms per second busy, for the tasks running now. */
    public Map<String, Double> busy() {
      return busy;
    }
  }
}
