package dev.yuqing.app.cli;

import dev.yuqing.core.UserError;
import dev.yuqing.core.config.StreamConfig;
import picocli.CommandLine.Option;

/** The {@code --parallelism N} option of the commands that run the stream job. */
final class Parallelism {
  @Option(names = "--parallelism", description = "override stream.parallelism")
  Integer value;

  /** Fails on a value below 1, before anything starts. */
  void check() {
    if (value != null && value < 1) {
      throw new UserError("--parallelism " + value + ": must be at least 1");
    }
  }

  /** {@code stream} with the option applied, when given. */
  StreamConfig apply(StreamConfig stream) {
    check();
    return value == null ? stream : stream.withParallelism(value);
  }
}
