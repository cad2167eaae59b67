package dev.yuqing.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --data DIR} option of every command that keeps or reads state: one directory holds the
 * index, crawl state, evidence, checkpoints, alerts and outbox, so that two runs with different
 * {@code --data} never touch each other.
 */
final class DataDir {
  @Option(
      names = "--data",
      defaultValue = "./data",
      paramLabel = "DIR",
      description =
          "state directory: index, crawl state, evidence, checkpoints, alerts, outbox"
              + " (default: ${DEFAULT-VALUE})")
  Path path;
}
