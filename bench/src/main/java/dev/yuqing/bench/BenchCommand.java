package dev.yuqing.bench;

import dev.yuqing.core.SharedData;
import dev.yuqing.core.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code yuqing bench …}: speed measurements that print figures (never timed tests). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "性能基准：打印测得的数字。",
      "Benchmarks; each prints its figures, the last line machine-readable."
    },
    subcommands = {
      BenchTagCommand.class,
      BenchCrawlCommand.class,
      BenchIndexCommand.class,
      BenchStreamCommand.class,
      BenchLatencyCommand.class
    })
public final class BenchCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The posts a benchmark reads: {@code in} when given, else the shared real messages; a missing
   * file is a user error naming the benchmark ({@code name}, e.g. "bench tag").
   */
  static Path messages(Path in, String name) {
    Path file = in;
    if (file == null) {
      file =
          SharedData.file("housing/messages.jsonl")
              .orElseThrow(
                  () ->
                      new UserError(
                          name
                              + ": give --in FILE ("
                              + SharedData.missingReason("housing/messages.jsonl")
                              + ")"));
    }
    if (!Files.isRegularFile(file)) {
      throw new UserError(name + ": --in " + file + ": no such file");
    }
    return file;
  }
}
