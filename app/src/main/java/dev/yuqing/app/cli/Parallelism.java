package dev.yuqing.app.cli;

import dev.yuqing.core.UserError;
import dev.yuqing.core.config.StreamConfig;
import picocli.CommandLine.Option;

/** The {@code --parallelism N} option of the commands that run the stream job. */
final class Parallelism {
  @Option(names = "--parallelism", description = "override stream.parallelism")
  Integer value;

  /** {@code stream} with the option applied, when given; fails on a value below 1. */
  StreamConfig apply(StreamConfig stream) {
    if (value == null) {
      return stream;
    }
    if (value < 1) {
      throw new UserError("--parallelism " + value + ": must be at least 1");
    }
    return stream.withParallelism(value);
  }
}
