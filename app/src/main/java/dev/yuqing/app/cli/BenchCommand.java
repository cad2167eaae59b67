package dev.yuqing.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code yuqing bench}: benchmarks that print figures; see its subcommands. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "性能基准 (benchmarks; each prints its figures on its last line).",
    subcommands = {BenchIndexCommand.class})
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
