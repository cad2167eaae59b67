package dev.yuqing.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.analysis.SearchTextAnalysis;
import dev.yuqing.index.PostIndex;
import dev.yuqing.index.PostIndexes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar on a real standalone Flink session cluster ({@link StandaloneCluster}), submitted
 * through Flink's CLI frontend, which waits for the replay to finish. The jar is built in the
 * package phase of every build that runs the tests ({@code mvn -B verify}; the job-jar profile is
 * off only with {@code -DskipTests}).
 */
class StandaloneClusterIT {
  @TempDir Path tmp;

  @Test
  void theJobJarReplaysOnAStandaloneSessionCluster() throws Exception {
    // The job-jar profile builds it in every build that runs tests (see stream/pom.xml).
    Path jar = StandaloneCluster.jobJar(Path.of("target"));
    assertThat(jar).as("the job jar in target/ (built by the job-jar profile)").isNotNull();
    try (StandaloneCluster cluster = StandaloneCluster.start(tmp)) {
      Path in = tmp.resolve("messages.jsonl");
      List<ReplayFixture.Line> lines = ReplayFixture.write(in, 150, Duration.ofMinutes(25), 40);
      Path data = tmp.resolve("data");
      Process client =
          cluster.run(
              jar,
              "dev.yuqing.stream.JobMain",
              "--replay",
              in.toString(),
              "--data",
              data.toString());
      assertThat(client.waitFor(5, TimeUnit.MINUTES))
          .as("the CLI returns: %s", cluster.log("taskmanager.log"))
          .isTrue();
      assertThat(client.exitValue())
          .as("flink run: %s", cluster.log("client.out") + cluster.log("client.log"))
          .isZero();

      try (PostIndex index =
          PostIndexes.luceneReadOnly(PostIndexes.luceneDirectory(data), SearchTextAnalysis.get())) {
        assertThat(index.count()).isEqualTo(lines.size());
      }
      try (Stream<Path> mails = Files.list(data.resolve("outbox"))) {
        assertThat(mails.filter(p -> p.toString().endsWith(".eml"))).isNotEmpty();
      }
    }
  }
}
