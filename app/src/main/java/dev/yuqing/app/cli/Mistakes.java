package dev.yuqing.app.cli;

import picocli.CommandLine.Option;

/** The {@code -v/--verbose} option of the evaluations: besides the figures, what was wrong. */
final class Mistakes {
  @Option(
      names = {"-v", "--verbose"},
      description = "list every item scored wrong (gold message, page) and how")
  boolean listed;
}
