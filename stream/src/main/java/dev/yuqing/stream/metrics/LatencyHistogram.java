package dev.yuqing.stream.metrics;

import java.util.Arrays;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.HistogramStatistics;

/**
 * Latencies in milliseconds, kept as counts per bucket so that the histograms of several subtasks
 * can be merged exactly (percentiles of percentiles would be wrong). Buckets are 1 ms wide up to 1
 * s, 10 ms up to 10 s, 100 ms up to 100 s and 1 s up to 1 h; longer values share the last bucket.
 *
 * <p>Threading: updated by the task thread, read by the reporter thread; every method is
 * synchronized (uncontended in practice).
 */
public final class LatencyHistogram implements Histogram {
  private static final int BUCKETS = 1000 + 900 + 900 + 3500 + 1;

  private final long[] counts = new long[BUCKETS];
  private long total;
  private long sum;
  private long max = Long.MIN_VALUE;
  private long min = Long.MAX_VALUE;

  static int bucket(long ms) {
    long v = Math.max(0, ms);
    if (v < 1000) {
      return (int) v;
    }
    if (v < 10_000) {
      return 1000 + (int) ((v - 1000) / 10);
    }
    if (v < 100_000) {
      return 1900 + (int) ((v - 10_000) / 100);
    }
    if (v < 3_600_000) {
      return 2800 + (int) ((v - 100_000) / 1000);
    }
    return BUCKETS - 1;
  }

  /** The upper bound of a bucket: a percentile never reads lower than the truth. */
  static long upper(int bucket) {
    if (bucket < 1000) {
      return bucket;
    }
    if (bucket < 1900) {
      return 1000 + (bucket - 1000L + 1) * 10 - 1;
    }
    if (bucket < 2800) {
      return 10_000 + (bucket - 1900L + 1) * 100 - 1;
    }
    if (bucket < BUCKETS - 1) {
      return 100_000 + (bucket - 2800L + 1) * 1000 - 1;
    }
    return Long.MAX_VALUE;
  }

  @Override
  public synchronized void update(long ms) {
    counts[bucket(ms)]++;
    total++;
    sum += ms;
    max = Math.max(max, ms);
    min = Math.min(min, ms);
  }

  @Override
  public synchronized long getCount() {
    return total;
  }

  /** Adds another histogram's counts into this one. */
  public void mergeFrom(LatencyHistogram other) {
    long[] c;
    long t;
    long s;
    long mx;
    long mn;
    synchronized (other) {
      c = other.counts.clone();
      t = other.total;
      s = other.sum;
      mx = other.max;
      mn = other.min;
    }
    synchronized (this) {
      for (int i = 0; i < c.length; i++) {
        counts[i] += c[i];
      }
      total += t;
      sum += s;
      max = Math.max(max, mx);
      min = Math.min(min, mn);
    }
  }

  /** The value at quantile q (0..1), or 0 when empty. */
  public synchronized long quantile(double q) {
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(q * total);
    rank = Math.max(1, Math.min(total, rank));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.min(upper(i), max);
      }
    }
    return max;
  }

  public synchronized long max() {
    return total == 0 ? 0 : max;
  }

  public synchronized double mean() {
    return total == 0 ? 0 : (double) sum / total;
  }

  @Override
  public HistogramStatistics getStatistics() {
    return new Stats();
  }

  private final class Stats extends HistogramStatistics {
    @Override
    public double getQuantile(double quantile) {
      return quantile(quantile);
    }

    @Override
    public long[] getValues() {
      // Individual values are not kept; the bucket bounds stand in for them.
      synchronized (LatencyHistogram.this) {
        long[] values = new long[(int) Math.min(total, 10_000)];
        int n = 0;
        for (int i = 0; i < counts.length && n < values.length; i++) {
          for (long k = 0; k < counts[i] && n < values.length; k++) {
            values[n++] = upper(i);
          }
        }
        return Arrays.copyOf(values, n);
      }
    }

    @Override
    public int size() {
      return (int) Math.min(Integer.MAX_VALUE, getCount());
    }

    @Override
    public double getMean() {
      return mean();
    }

    @Override
    public double getStdDev() {
      synchronized (LatencyHistogram.this) {
        if (total == 0) {
          return 0;
        }
        double m = (double) sum / total;
        double acc = 0;
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] > 0) {
            double d = Math.min(upper(i), max) - m;
            acc += counts[i] * d * d;
          }
        }
        return Math.sqrt(acc / total);
      }
    }

    @Override
    public long getMax() {
      return max();
    }

    @Override
    public long getMin() {
      synchronized (LatencyHistogram.this) {
        return total == 0 ? 0 : min;
      }
    }
  }
}
