package dev.yuqing.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.alerts.IncidentStore;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.store.Database;
import dev.yuqing.alerts.store.JdbcIncidentStore;
import dev.yuqing.analysis.SearchTextAnalysis;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.config.StreamConfig;
import dev.yuqing.index.PostIndex;
import dev.yuqing.index.PostIndexes;
import dev.yuqing.stream.window.WindowCount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole replay job on a MiniCluster of 2 task managers at parallelism 2. */
class ReplayJobIT {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(2)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path tmp;

  @Test
  void everyMessageIsIndexedOnceRepostsAreLinkedNotCountedAndTheBurstAlerts() throws Exception {
    Path in = tmp.resolve("messages.jsonl");
    // 2.5 days of calm (the spike rule learns for a day), then the burst
    List<ReplayFixture.Line> lines = ReplayFixture.write(in, 150, Duration.ofMinutes(25), 40);
    Path data = tmp.resolve("data");

    StreamConfig stream = StreamConfig.DEFAULT.withParallelism(2);
    Configuration conf =
        JobRunner.configuration(
            stream, JobRunner.checkpointDir(stream, data, "replay"), true, false);
    // every event type must travel with Flink's own serializers, never Kryo
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    YuqingJob.Streams streams =
        Pipelines.replay(
                null,
                stream,
                Pipelines.Replay.asFastAsPossible(in),
                Pipelines.Options.embedded(data))
            .build(env);
    List<WindowCount> counts = new ArrayList<>();
    try (CloseableIterator<WindowCount> it = streams.counts().collectAsync()) {
      env.execute("replay-it");
      it.forEachRemaining(counts::add);
    }

    try (PostIndex index =
        PostIndexes.luceneReadOnly(PostIndexes.luceneDirectory(data), SearchTextAnalysis.get())) {
      assertThat(index.count()).isEqualTo(lines.size());
      TaggedPost repost = index.get("repost-4").orElseThrow();
      assertThat(repost.post().repostOf()).isEqualTo("leak-4");
      assertThat(index.get("leak-4").orElseThrow().post().repostOf()).isNull();
      assertThat(repost.post().projects()).containsExactly(Pipelines.DEFAULT_PROJECT);
    }

    // reposts are indexed but never counted: the windows hold exactly the other posts
    long counted =
        counts.stream()
            .filter(c -> c.topic().equals(WindowCount.ALL_TOPICS) && !c.late())
            .mapToLong(WindowCount::count)
            .sum();
    long reposts = lines.stream().filter(ReplayFixture.Line::repost).count();
    assertThat(reposts).isPositive();
    assertThat(counted).isEqualTo(lines.size() - reposts);
    long negativeInBurst =
        counts.stream()
            .filter(c -> c.topic().equals(WindowCount.ALL_TOPICS))
            .filter(c -> c.sentiment() == SentimentLabel.NEGATIVE)
            .mapToLong(WindowCount::count)
            .max()
            .orElse(0);
    assertThat(negativeInBurst).isGreaterThanOrEqualTo(5);

    List<String> mails;
    try (Stream<Path> files = Files.list(data.resolve("outbox"))) {
      mails = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml")).toList();
    }
    assertThat(mails).anyMatch(n -> n.contains("-new"));
    List<String> subjects = new ArrayList<>();
    for (String m : mails) {
      subjects.add(Mails.subject(data.resolve("outbox").resolve(m)));
    }
    assertThat(subjects).allMatch(s -> s.contains(Pipelines.DEFAULT_PROJECT));
    // the burst and the call to gather that ends it are one event: one incident, the spike in it
    List<Incident> incidents;
    try (Database db = Database.embedded(data)) {
      incidents = new JdbcIncidentStore(db).inTransaction(IncidentStore.Tx::all);
    }
    assertThat(incidents)
        .anySatisfy(
            i ->
                assertThat(i.members())
                    .extracting(m -> m.alert().rule())
                    .contains("negative-spike", "mobilization"));
    // no notice twice: the name after the time stamp is incident id, message number and kind
    Set<String> notices = new HashSet<>();
    for (String m : mails) {
      assertThat(notices.add(m.substring(m.indexOf('-', 9) + 1))).as(m).isTrue();
    }
  }
}
