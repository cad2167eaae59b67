package dev.yuqing.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command that takes {@code --config} reports a bad configuration the same way: one line
 * naming the file, the key and the reason, exit code 2, and nothing else done.
 */
class ConfigErrorsTest {
  private static final String UNKNOWN_KEY =
      """
      projects:
        - name: 翡翠湾
      sources:
        - kind: forum
          id: forum
          url: http://bbs.example.com/forum-1.html
          revisitt: 10m
      """;

  private static final String BAD_URL =
      """
      projects:
        - name: 翡翠湾
      sources:
        - kind: feed
          id: news
          url: "htp:/news example.com/rss"
      """;

  @TempDir Path tmp;

  private List<String> args(String command, Path config) throws Exception {
    Path posts = Files.writeString(tmp.resolve("posts.jsonl"), "{\"id\":\"1\",\"text\":\"漏水\"}\n");
    Path data = tmp.resolve("data");
    List<String> a = new ArrayList<>();
    switch (command) {
      case "crawl" ->
          a.addAll(List.of("crawl", "--once", "--out", tmp.resolve("o.jsonl").toString()));
      case "tag" ->
          a.addAll(
              List.of("tag", "--in", posts.toString(), "--out", tmp.resolve("t.jsonl").toString()));
      case "search" -> a.addAll(List.of("search", "漏水"));
      case "replay" -> a.addAll(List.of("replay", "--in", posts.toString()));
      case "run" -> a.add("run");
      case "add" -> a.addAll(List.of("add", "--text", "天花板漏水", "--project", "翡翠湾"));
      case "report" ->
          a.addAll(
              List.of(
                  "report", "daily", "--project", "翡翠湾", "--out", tmp.resolve("r.pdf").toString()));
      case "serve" -> a.addAll(List.of("serve", "--port", "0"));
      default -> throw new IllegalArgumentException(command);
    }
    a.addAll(List.of("--config", config.toString()));
    if (!command.equals("tag")) { // tag keeps no state
      a.addAll(List.of("--data", data.toString()));
    }
    return a;
  }

  private String runAndCaptureErr(List<String> args) {
    Cli.Run r = Cli.run(args.toArray(String[]::new));
    assertThat(r.code()).as("exit code of %s", args).isEqualTo(2);
    return r.err().strip();
  }

  /** Each command with each bad file: the file's name, and what its one line must name. */
  static Stream<Arguments> badConfigs() {
    return Stream.of("crawl", "tag", "search", "replay", "run", "add", "report", "serve")
        .flatMap(
            command ->
                Stream.of(
                    Arguments.of(
                        command,
                        "bad-key.yaml",
                        UNKNOWN_KEY,
                        List.of("sources[0].revisitt", "unknown key")),
                    Arguments.of(command, "bad-url.yaml", BAD_URL, List.of("sources[0].url"))));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badConfigs")
  void aBadConfigIsOneLineNamingTheFileAndTheKey(
      String command, String file, String yaml, List<String> names) throws Exception {
    Path config = Files.writeString(tmp.resolve(file), yaml);
    String err = runAndCaptureErr(args(command, config));
    assertThat(err.lines()).as(err).hasSize(1);
    assertThat(err).contains(file).contains(names);
  }
}
