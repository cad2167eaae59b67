package dev.yuqing.stream;

import dev.yuqing.core.config.ConfigException;
import dev.yuqing.core.config.ConfigLoader;
import dev.yuqing.core.config.StreamConfig;
import dev.yuqing.core.config.YuqingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Entry point of the job jar on a Flink cluster ({@code flink run}):
 *
 * <pre>
 * flink run -c dev.yuqing.stream.JobMain yuqing-stream-job.jar --config yuqing.yaml --data /srv/yuqing
 * flink run -c dev.yuqing.stream.JobMain yuqing-stream-job.jar --replay messages.jsonl \
 *     [--speed N] [--rate R] [--config yuqing.yaml] --data /srv/yuqing
 * </pre>
 *
 * The data directory (Lucene index, alert state, outbox) and the replay file must be reachable
 * under the same path from the task managers. Checkpoints go to {@code stream.checkpointUri}, or
 * {@code DATA/checkpoints}; to continue after a failure, give {@code flink run -s} the last
 * checkpoint ({@code DATA/checkpoints/<name>/<job id>/chk-N}).
 */
public final class JobMain {
  private JobMain() {}

  public static void main(String[] args) throws Exception {
    Args a;
    try {
      a = Args.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("yuqing job: " + e.getMessage());
      System.err.println(
          "usage: --config FILE --data DIR | --replay FILE [--speed N] [--rate R]"
              + " [--config FILE] --data DIR");
      System.exit(2);
      return;
    }
    YuqingConfig cfg;
    try {
      cfg = a.config == null ? null : new ConfigLoader().load(a.config);
    } catch (ConfigException e) {
      System.err.println("yuqing job: " + e.getMessage());
      System.exit(2);
      return;
    }
    StreamConfig stream = cfg == null ? StreamConfig.DEFAULT : cfg.stream();
    Pipelines.Options onCluster = new Pipelines.Options(a.data, Pipelines.Placement.CLUSTER);
    YuqingJob job;
    String name;
    if (a.replay != null) {
      job =
          Pipelines.replay(cfg, stream, new Pipelines.Replay(a.replay, a.speed, a.rate), onCluster);
      name = "replay";
    } else {
      job = Pipelines.run(cfg, onCluster);
      name = "run";
    }
    Configuration conf =
        JobRunner.configuration(
            stream, JobRunner.checkpointDir(stream, a.data, name), false, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    job.build(env);
    env.execute("yuqing " + name);
  }

  /** Command-line arguments. */
  static final class Args {
    Path config;
    Path data;
    Path replay;
    double speed;
    double rate;

    static Args parse(String[] args) {
      Args a = new Args();
      List<String> rest = new ArrayList<>(List.of(args));
      while (!rest.isEmpty()) {
        String k = rest.remove(0);
        if (rest.isEmpty()) {
          throw new IllegalArgumentException(k + ": needs a value");
        }
        String v = rest.remove(0);
        switch (k) {
          case "--config" -> a.config = Path.of(v);
          case "--data" -> a.data = Path.of(v);
          case "--replay" -> a.replay = Path.of(v);
          case "--speed" -> a.speed = number(k, v);
          case "--rate" -> a.rate = number(k, v);
          default -> throw new IllegalArgumentException(k + ": unknown option");
        }
      }
      if (a.data == null) {
        throw new IllegalArgumentException("--data: is required");
      }
      if (a.replay == null && a.config == null) {
        throw new IllegalArgumentException("--config: is required unless --replay is given");
      }
      if (a.replay != null && !Files.isRegularFile(a.replay)) {
        throw new IllegalArgumentException("--replay " + a.replay + ": no such file");
      }
      return a;
    }

    private static double number(String k, String v) {
      try {
        double d = Double.parseDouble(v);
        if (!(d >= 0)) {
          throw new NumberFormatException();
        }
        return d;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(k + " " + v + ": not a number ≥ 0");
      }
    }
  }
}
