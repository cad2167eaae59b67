package dev.yuqing.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --parallelism} below 1 is one line naming the option, exit code 2, and nothing runs. */
class ParallelismTest {
  private static final String CONFIG =
      """
      projects:
        - name: 翡翠湾
      sources:
        - kind: feed
          id: news
          url: http://news.example.com/rss
      """;

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"run", "replay"})
  void belowOneIsRefusedBeforeAnythingStarts(String command) throws Exception {
    Path config = Files.writeString(tmp.resolve("yuqing.yaml"), CONFIG);
    Path posts = Files.writeString(tmp.resolve("posts.jsonl"), "{\"id\":\"1\",\"text\":\"漏水\"}\n");
    Path data = tmp.resolve("data");
    List<String> args =
        new ArrayList<>(
            command.equals("run") ? List.of("run") : List.of("replay", "--in", posts.toString()));
    args.addAll(
        List.of("--config", config.toString(), "--data", data.toString(), "--parallelism", "0"));
    Cli.Run r = Cli.run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("yuqing: --parallelism 0: must be at least 1");
    assertThat(data).doesNotExist();
  }
}
