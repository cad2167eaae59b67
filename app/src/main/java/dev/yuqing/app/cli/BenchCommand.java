package dev.yuqing.app.cli;

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
      BenchStreamCommand.class
    })
public final class BenchCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
