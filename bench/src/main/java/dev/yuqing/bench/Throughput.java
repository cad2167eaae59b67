package dev.yuqing.bench;

import dev.yuqing.stream.metrics.ProgressReporter;
import dev.yuqing.stream.metrics.StageMetrics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** First post in to last post written to the index, from progress samples every 50 ms. */
final class Throughput {
  private final long expected;
  private long first = -1;
  private long last = -1;
  private long firstCpu;
  private long lastCpu;
  private long[] firstJit;
  private long[] lastJit;
  private Map<String, long[]> firstThreads;
  private Map<String, long[]> lastThreads;

  Throughput(long expected) {
    this.expected = expected;
  }

  void sample(ProgressReporter.Snapshot s) {
    long now = System.nanoTime();
    if (first < 0 && s.count(StageMetrics.INGESTED) > 0) {
      first = now;
      firstCpu = cpuNanos();
      firstThreads = threadMillis();
      firstJit = jitAndGcMillis(firstThreads);
    }
    if (last < 0 && s.count(StageMetrics.INDEXED) >= expected) {
      last = now;
      lastCpu = cpuNanos();
      lastThreads = threadMillis();
      lastJit = jitAndGcMillis(lastThreads);
    }
  }

  double seconds() {
    return first < 0 || last < 0 ? Double.NaN : (last - first) / 1e9;
  }

  double rate() {
    return expected / seconds();
  }

  /** CPU seconds of the JIT compiler and of the garbage collector in the window, or NaN. */
  double[] jitAndGcSeconds() {
    if (first < 0 || last < 0 || firstJit[0] < 0 || lastJit[0] < 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    return new double[] {(lastJit[0] - firstJit[0]) / 1e3, (lastJit[1] - firstJit[1]) / 1e3};
  }

  /** The window's CPU by thread group, largest first, one line each. */
  String byThread() {
    if (firstThreads == null || lastThreads == null) {
      return "";
    }
    Map<String, long[]> groups = new HashMap<>();
    for (var e : lastThreads.entrySet()) {
      long[] a = firstThreads.getOrDefault(e.getKey(), new long[2]);
      long[] b = e.getValue();
      String group = e.getKey().substring(e.getKey().indexOf(' ') + 1).replaceAll("\\d+", "N");
      long[] g = groups.computeIfAbsent(group, k -> new long[2]);
      g[0] += b[0] - a[0];
      g[1] += b[1] - a[1];
    }
    long all = groups.values().stream().mapToLong(g -> g[0]).sum();
    StringBuilder sb = new StringBuilder();
    groups.entrySet().stream()
        .filter(e -> e.getValue()[0] > 0)
        .sorted((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]))
        .forEach(
            e ->
                sb.append(
                    String.format(
                        Locale.ROOT,
                        "  %6d ms (system %5d ms) %5.1f %%  %s%n",
                        e.getValue()[0],
                        e.getValue()[1],
                        100.0 * e.getValue()[0] / all,
                        e.getKey())));
    return sb.toString();
  }

  double cpuSeconds() {
    return first < 0 || last < 0 ? Double.NaN : (lastCpu - firstCpu) / 1e9;
  }

  /**
   * CPU time (ms) of this JVM's JIT compiler threads and of its garbage collector threads, from
   * {@link #threadMillis} (the JVM's own compilation time counts waiting, and its thread bean does
   * not see these threads); {-1, -1} where there is no {@code /proc}.
   */
  static long[] jitAndGcMillis(Map<String, long[]> threads) {
    if (threads.isEmpty()) {
      return new long[] {-1, -1};
    }
    long jit = 0;
    long gc = 0;
    for (var e : threads.entrySet()) {
      String name = e.getKey().substring(e.getKey().indexOf(' ') + 1);
      if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
        jit += e.getValue()[0];
      } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
        gc += e.getValue()[0];
      }
    }
    return new long[] {jit, gc};
  }

  /**
   * "tid name" → {CPU ms, system ms} of each thread of this JVM, from Linux's {@code
   * /proc/self/task/TID/stat} (utime and stime, its fields 14 and 15, in clock ticks of 10 ms);
   * empty elsewhere.
   */
  static Map<String, long[]> threadMillis() {
    Map<String, long[]> m = new HashMap<>();
    try (var tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path t : tasks) {
        String stat;
        try {
          stat = Files.readString(t.resolve("stat"));
        } catch (IOException e) {
          continue; // the thread ended
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String[] f = stat.substring(close + 2).split(" ");
        m.put(
            t.getFileName() + " " + stat.substring(open + 1, close),
            new long[] {
              (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10, Long.parseLong(f[12]) * 10
            });
      }
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    return m;
  }

  /** CPU time of this JVM (all threads) in nanoseconds, or 0 when the JVM does not tell. */
  static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }
}
