package dev.yuqing.stream;

import dev.yuqing.core.config.StreamConfig;
import dev.yuqing.stream.metrics.ProgressReporter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.flink.client.deployment.executors.LocalExecutor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.rpc.RpcSystem;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.util.Reference;

/**
 * Runs a yuqing job in an embedded Flink MiniCluster in this JVM: checkpoints under the data
 * directory (restored from when the last run was killed), live progress through {@link
 * ProgressReporter}, and Ctrl-C cancelling the job with its last checkpoint kept.
 */
public final class EmbeddedJob {
  private EmbeddedJob() {}

  private static RpcSystem rpcSystem;

  /**
   * One RPC system for all embedded runs in this JVM, never closed (the JVM's own). Flink loads its
   * RPC system (Pekko) into a class loader of its own, and each MiniCluster would load it again: a
   * process running several jobs (bench stream runs dozens, a test JVM many) kept loading and
   * JIT-compiling fresh copies and left the dead ones for the collector to unload.
   */
  private static synchronized RpcSystem sharedRpcSystem() {
    if (rpcSystem == null) {
      rpcSystem = RpcSystem.load();
    }
    return rpcSystem;
  }

  /** What a finished run measured. */
  public record Outcome(
      long millis, ProgressReporter.Snapshot metrics, BackPressure backPressure) {}

  /**
   * Runs {@code job} to its end (or until cancelled) and returns what it measured.
   *
   * @param name checkpoint name under the data directory ({@code run}, {@code replay-…})
   * @param restore continue from the newest checkpoint of {@code name}, if any
   * @param every how often {@code progress} is called, with counts and back-pressure (the latency
   *     histograms are merged for the outcome only: the runs sample often, and merging allocates)
   */
  public static Outcome run(
      YuqingJob job,
      StreamConfig cfg,
      Path data,
      String name,
      boolean restore,
      Duration every,
      Consumer<ProgressReporter.Snapshot> progress)
      throws Exception {
    Configuration conf =
        JobRunner.configuration(cfg, JobRunner.checkpointDir(cfg, data, name), restore, true);
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(cfg.parallelism(), conf);
    ProgressReporter.reset();
    job.build(env);
    long started = System.nanoTime();
    // what env.executeAsync does, with one RPC system for every embedded run of this JVM
    StreamGraph graph = env.getStreamGraph();
    graph.setJobName("yuqing " + name);
    Configuration effective = Configuration.fromMap(env.getConfiguration().toMap());
    AtomicReference<MiniCluster> cluster = new AtomicReference<>();
    JobClient client =
        LocalExecutor.createWithFactory(
                effective,
                mc -> {
                  cluster.set(new MiniCluster(mc, () -> Reference.borrowed(sharedRpcSystem())));
                  return cluster.get();
                })
            .execute(graph, effective, EmbeddedJob.class.getClassLoader())
            .get();
    Thread cancel =
        new Thread(
            () -> {
              try {
                client.cancel().get(20, TimeUnit.SECONDS);
              } catch (Exception e) {
                // the JVM is going down anyway; the last checkpoint is on disk
              }
            },
            "yuqing-cancel");
    Runtime.getRuntime().addShutdownHook(cancel);
    BackPressure bp = new BackPressure();
    var result = client.getJobExecutionResult();
    try {
      while (true) {
        try {
          // the embedded cluster shuts down with the job: wait on the result, not the status
          result.get(Math.max(50, Math.min(every.toMillis(), 500)), TimeUnit.MILLISECONDS);
          break;
        } catch (TimeoutException e) {
          ProgressReporter.Snapshot s = ProgressReporter.snapshot(false);
          bp.sample(s);
          if (bp.due(every)) {
            progress.accept(s);
          }
        }
      }
    } catch (ExecutionException e) {
      throw failure(e);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(cancel);
      } catch (IllegalStateException e) {
        // already shutting down
      }
    }
    long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
    // taken before the cluster is down: closing it closes the metric groups
    Outcome outcome = new Outcome(ms, ProgressReporter.snapshot(), bp);
    // the cluster shuts down by itself once the job has ended, but in the background: wait for
    // it, so that a caller running another job next (bench stream runs dozens) does not have
    // this one's teardown running beside it
    try {
      cluster.get().closeAsync().get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      // a slow teardown is not this run's failure
    }
    return outcome;
  }

  private static Exception failure(ExecutionException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return new IllegalStateException("the stream job failed: " + t, e);
  }

  /** Back-pressure sampled while the job runs: ms per second each task was back-pressured. */
  public static final class BackPressure {
    private long lastReport = System.nanoTime();
    private double maxAny;
    private double sum;
    private long samples;
    private String worst = "";
    private final java.util.Map<String, double[]> busy = new java.util.TreeMap<>();

    void sample(ProgressReporter.Snapshot s) {
      s.busy()
          .forEach(
              (task, ms) -> {
                if (ms.isNaN()) {
                  return;
                }
                double[] acc = busy.computeIfAbsent(task, k -> new double[2]);
                acc[0] += ms;
                acc[1]++;
              });
      double top = 0;
      String task = "";
      for (var e : s.backPressured().entrySet()) {
        if (e.getValue() > top) {
          top = e.getValue();
          task = e.getKey();
        }
      }
      if (top > maxAny) {
        maxAny = top;
        worst = task;
      }
      sum += top;
      samples++;
    }

    boolean due(Duration every) {
      if (System.nanoTime() - lastReport >= every.toNanos()) {
        lastReport = System.nanoTime();
        return true;
      }
      return false;
    }

    /** Share of time the most back-pressured task was back-pressured, averaged over samples. */
    public double meanShare() {
      return samples == 0 ? 0 : sum / samples / 1000.0;
    }

    public double maxShare() {
      return maxAny / 1000.0;
    }

    /** Task → mean share of time busy while the job ran. */
    public java.util.Map<String, Double> busy() {
      java.util.Map<String, Double> out = new java.util.TreeMap<>();
      busy.forEach((k, v) -> out.put(k, v[1] == 0 ? 0 : v[0] / v[1] / 1000.0));
      return out;
    }

    String worstTask() {
      return worst;
    }
  }
}
