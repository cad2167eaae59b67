package dev.yuqing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.yuqing.core.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code yuqing bench stream} end to end on the first 300 housing messages: every phase runs (one
 * warm-up job, the measured job, bare tagging, the paced replay) and the last line carries figures
 * that agree with each other. The figures themselves are the benchmark's business, not a test's.
 */
class BenchStreamIT {
  static final String MESSAGES = "housing/messages.jsonl";
  static final Pattern LAST =
      Pattern.compile(
          "posts_per_s=([\\d.]+) tag_posts_per_s=([\\d.]+) ratio=([\\d.]+) p95_alert_ms=(\\d+)");

  @TempDir Path dir;

  @Test
  void printsEveryPhaseAndAConsistentLastLine() throws Exception {
    Path messages = SharedData.file(MESSAGES).orElse(null);
    assumeTrue(messages != null, SharedData.missingReason(MESSAGES));
    List<String> lines = Files.readAllLines(messages, StandardCharsets.UTF_8);
    Path slice = dir.resolve("slice.jsonl");
    Files.write(slice, lines.subList(0, Math.min(300, lines.size())), StandardCharsets.UTF_8);

    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int rc;
    try {
      // one warm-up run: waiting for the JIT to settle (the default) takes minutes
      rc =
          new CommandLine(new BenchCommand())
              .execute(
                  "stream",
                  "--in",
                  slice.toString(),
                  "--latency-seconds",
                  "3",
                  "--warm-up-runs",
                  "1",
                  "--rounds",
                  "2",
                  "--cpu-by-thread");
    } finally {
      System.setOut(old);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(rc).as(out).isZero();
    assertThat(out)
        .contains("warm-up 1 (not measured): the job")
        .contains("warm-up: 1 run, as asked")
        .contains("stream: 300 posts indexed")
        .contains("of which the JIT compiler threads")
        .contains("bare tagging:")
        .contains("[round 2 of 2]")
        .contains("medians of 2 rounds: stream ")
        .contains("ingest → alert decision")
        // the window's CPU by thread: the tagging tasks (Linux truncates thread names to 15)
        .containsPattern("ms \\(system +\\d+ ms\\) +[0-9.]+ %  tag -> \\(index: ");
    String[] all = out.strip().split("\n");
    Matcher m = LAST.matcher(all[all.length - 1]);
    assertThat(m.matches()).as(all[all.length - 1]).isTrue();
    double stream = Double.parseDouble(m.group(1));
    double tag = Double.parseDouble(m.group(2));
    assertThat(stream).isPositive();
    assertThat(tag).isPositive();
    assertThat(Double.parseDouble(m.group(3)))
        .isCloseTo(stream / tag, org.assertj.core.data.Offset.offset(0.011));
  }
}
