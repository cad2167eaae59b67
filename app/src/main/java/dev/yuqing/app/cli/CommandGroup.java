package dev.yuqing.app.cli;

/** A command that only holds subcommands: run alone, it prints its usage. */
abstract class CommandGroup extends CliCommand implements Runnable {
  @Override
  public final void run() {
    spec.commandLine().usage(out());
  }
}
