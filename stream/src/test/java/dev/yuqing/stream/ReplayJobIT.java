package dev.yuqing.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.config.StreamConfig;
import dev.yuqing.index.PostIndex;
import dev.yuqing.index.PostIndexes;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
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
  void everyMessageIsIndexedOnceAndRepostsAreLinked() throws Exception {
    Path in = tmp.resolve("messages.jsonl");
    List<ReplayFixture.Line> lines = ReplayFixture.write(in, 30, 40);
    Path data = tmp.resolve("data");

    var stream = StreamConfig.DEFAULT.withParallelism(2);
    Configuration conf =
        JobRunner.configuration(
            stream, JobRunner.checkpointDir(stream, data, "replay"), true, false);
    // every event type must travel with Flink's own serializers, never Kryo
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    Pipelines.replay(stream, in, 0, data).build(env);
    env.execute("replay-it");

    try (PostIndex index = PostIndexes.luceneReadOnly(PostIndexes.luceneDirectory(data))) {
      assertThat(index.count()).isEqualTo(lines.size());
      TaggedPost repost = index.get("repost-4").orElseThrow();
      assertThat(repost.post().repostOf()).isEqualTo("leak-4");
      assertThat(index.get("leak-4").orElseThrow().post().repostOf()).isNull();
      assertThat(repost.post().projects()).containsExactly(Pipelines.DEFAULT_PROJECT);
    }
  }
}
