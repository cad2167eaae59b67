package dev.yuqing.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.analysis.SearchTextAnalysis;
import dev.yuqing.core.config.StreamConfig;
import dev.yuqing.index.PostIndex;
import dev.yuqing.index.PostIndexes;
import dev.yuqing.stream.metrics.ProgressReporter;
import dev.yuqing.stream.metrics.ProgressReporterFactory;
import dev.yuqing.stream.metrics.StageMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay job on a MiniCluster of 2 task managers at parallelism 2, with both task managers
 * killed in the middle (their tasks die as with kill -9 of the worker processes) and the job
 * started again from its last checkpoint on fresh task managers: the index and the alert outbox
 * must end exactly as after an undisturbed run — nothing lost, nothing twice.
 */
class KillRestartIT {
  private static final StreamConfig STREAM =
      new StreamConfig(2, Duration.ofMillis(500), null, null, null, null, null, null, null);

  @TempDir Path tmp;
  private MiniCluster cluster;

  @BeforeEach
  void start() throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    conf.setString(
        "metrics.reporter.yuqing.factory.class", ProgressReporterFactory.class.getName());
    cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(2)
                .setNumSlotsPerTaskManager(2)
                .build());
    cluster.start();
    TestStreamEnvironment.setAsContext(cluster, 2);
  }

  @AfterEach
  void stop() throws Exception {
    TestStreamEnvironment.unsetAsContext();
    cluster.close();
  }

  private JobClient submit(Path in, Path data, double rate, boolean restore) throws Exception {
    Configuration conf =
        JobRunner.configuration(
            STREAM, JobRunner.checkpointDir(STREAM, data, "replay"), restore, false);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    Pipelines.replay(
            null, STREAM, new Pipelines.Replay(in, 0, rate), Pipelines.Options.embedded(data))
        .build(env);
    return env.executeAsync("kill-restart");
  }

  @Test
  void killedInTheMiddleAndRestartedEndsExactlyAsAnUndisturbedRun() throws Exception {
    Path in = tmp.resolve("messages.jsonl");
    List<ReplayFixture.Line> lines = ReplayFixture.write(in, 150, Duration.ofMinutes(25), 40);

    // the reference: an undisturbed run
    Path clean = tmp.resolve("clean");
    submit(in, clean, 0, false).getJobExecutionResult().get();
    Set<String> expectedNotices = notices(clean);
    assertThat(expectedNotices).anyMatch(n -> n.endsWith("-new"));

    // paced so that the kill lands in the middle: about 8 s of posts
    Path data = tmp.resolve("killed");
    JobClient first = submit(in, data, lines.size() / 8.0, false);
    String checkpoints = JobRunner.checkpointDir(STREAM, data, "replay");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (JobRunner.latestCheckpoint(checkpoints).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(JobRunner.latestCheckpoint(checkpoints))
        .as("a checkpoint before the kill")
        .isPresent();
    Thread.sleep(1500);
    assertThat(first.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);

    cluster.terminateTaskManager(0).get();
    cluster.terminateTaskManager(1).get();
    while (!first.getJobStatus().get().isGloballyTerminalState()) {
      Thread.sleep(100);
    }
    assertThat(first.getJobStatus().get()).isEqualTo(JobStatus.FAILED);
    long indexedBeforeRestart;
    try (PostIndex index =
        PostIndexes.luceneReadOnly(PostIndexes.luceneDirectory(data), SearchTextAnalysis.get())) {
      indexedBeforeRestart = index.count();
    }
    assertThat(indexedBeforeRestart).as("killed in the middle").isBetween(1L, lines.size() - 1L);

    cluster.startTaskManager();
    cluster.startTaskManager();
    ProgressReporter.reset();
    submit(in, data, 0, true).getJobExecutionResult().get();
    // restored from the checkpoint: the file was not played from the start again
    long replayed = ProgressReporter.snapshot().count(StageMetrics.SOURCED);
    assertThat(replayed).isPositive().isLessThan(lines.size());

    try (PostIndex index =
        PostIndexes.luceneReadOnly(PostIndexes.luceneDirectory(data), SearchTextAnalysis.get())) {
      assertThat(index.count()).isEqualTo(lines.size());
      for (ReplayFixture.Line l : lines) {
        assertThat(index.get(l.id())).as(l.id()).isPresent();
      }
    }
    assertThat(notices(data)).isEqualTo(expectedNotices);
  }

  /** Alert id, revision and kind of every mail in the outbox, failing on a duplicate. */
  private static Set<String> notices(Path data) throws Exception {
    Set<String> out = new TreeSet<>();
    Path outbox = data.resolve("outbox");
    if (!Files.isDirectory(outbox)) {
      return out;
    }
    try (Stream<Path> files = Files.list(outbox)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
        String name = p.getFileName().toString();
        // yyyyMMdd-HHmmss-<id>-r<rev>-<kind>.eml: drop the wall-clock stamp
        String notice = name.substring(16, name.length() - ".eml".length());
        assertThat(out.add(notice)).as("sent twice: " + notice).isTrue();
      }
    }
    return out;
  }
}
