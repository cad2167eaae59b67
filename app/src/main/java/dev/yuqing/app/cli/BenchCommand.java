package dev.yuqing.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code yuqing bench …}: speed measurements that print figures (never timed tests). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure speed; each subcommand prints its figures, last line machine-readable.",
    subcommands = {BenchTagCommand.class})
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
