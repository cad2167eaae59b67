package dev.yuqing.app;

import dev.yuqing.app.cli.AddCommand;
import dev.yuqing.app.cli.CrawlCommand;
import dev.yuqing.app.cli.DemoCommand;
import dev.yuqing.app.cli.EvalCommand;
import dev.yuqing.app.cli.EvidenceCommand;
import dev.yuqing.app.cli.ExtractCommand;
import dev.yuqing.app.cli.IncidentsCommand;
import dev.yuqing.app.cli.IndexCommand;
import dev.yuqing.app.cli.ReplayCommand;
import dev.yuqing.app.cli.ReportCommand;
import dev.yuqing.app.cli.RunCommand;
import dev.yuqing.app.cli.SearchCommand;
import dev.yuqing.app.cli.ServeCommand;
import dev.yuqing.app.cli.TagCommand;
import dev.yuqing.app.cli.TrainCommand;
import dev.yuqing.app.cli.UserCommand;
import dev.yuqing.bench.BenchCommand;
import dev.yuqing.core.UserError;
import dev.yuqing.core.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./yuqing}. Each subcommand is one class in {@link dev.yuqing.app.cli}. */
@Command(
    name = "yuqing",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {"舆情 — public-opinion watch for home handover (交房舆情监测)", ""},
    subcommands = {
      CommandLine.HelpCommand.class,
      TagCommand.class,
      TrainCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      CrawlCommand.class,
      SearchCommand.class,
      IndexCommand.class,
      EvidenceCommand.class,
      UserCommand.class,
      DemoCommand.class,
      RunCommand.class,
      ExtractCommand.class,
      AddCommand.class,
      IncidentsCommand.class,
      ServeCommand.class,
      ReportCommand.class,
      ReplayCommand.class,
    })
public final class Yuqing implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns the exit code (tests call this instead of main). */
  public static int execute(String... args) {
    // the CLI owns its JVM: it may name Jakarta Mail's provider once for every mail it composes
    dev.yuqing.alerts.mail.MailProvider.pin();
    CommandLine cli = commandLine();
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Yuqing());
    cli.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          // A bad config or bad input is the user's to fix: one clear line, no stack trace.
          if (ex instanceof ConfigException || ex instanceof UserError) {
            cmd.getErr().println("yuqing: " + ex.getMessage());
            return 2;
          }
          throw ex;
        });
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
