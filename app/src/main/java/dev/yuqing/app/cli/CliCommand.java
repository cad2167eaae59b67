package dev.yuqing.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What a command takes from picocli: its spec, and the writers it prints to (the command line's,
 * not System.out, so that a caller of {@code CommandLine.execute} gets what was printed).
 */
abstract class CliCommand {
  @Spec CommandSpec spec;

  /** Where results go. */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Where progress, warnings and problems go. */
  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
