package dev.yuqing.app.cli;

import dev.yuqing.core.config.StreamConfig;
import dev.yuqing.stream.EmbeddedJob;
import dev.yuqing.stream.StreamReport;
import dev.yuqing.stream.YuqingJob;
import dev.yuqing.stream.metrics.ProgressReporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/** The stream job run in this JVM by a command: its progress and summary on the terminal. */
final class JobConsole {
  private JobConsole() {}

  /**
   * Runs {@code job} (see {@link EmbeddedJob#run}) printing {@code line} of the progress every
   * {@code every}, each flushed as it comes, then the summary.
   */
  static void run(
      PrintWriter out,
      YuqingJob job,
      StreamConfig stream,
      Path data,
      String name,
      boolean restore,
      Duration every,
      Function<ProgressReporter.Snapshot, String> line)
      throws Exception {
    out.flush();
    EmbeddedJob.Outcome o =
        EmbeddedJob.run(
            job,
            stream,
            data,
            name,
            restore,
            every,
            s -> {
              out.println(line.apply(s));
              out.flush();
            });
    StreamReport.summary(out, o);
  }
}
