package dev.yuqing.app.cli;

import dev.yuqing.core.UserError;
import dev.yuqing.dashboards.web.PasswordHasher;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Dashboard users: {@code yuqing user hash} makes the password hash for the config file. */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Dashboard users (dashboard.users in the config file).",
    subcommands = {UserCommand.Hash.class})
public final class UserCommand extends CommandGroup {

  /** Prints a PBKDF2 hash of a password read from the terminal (twice) or from standard input. */
  @Command(
      name = "hash",
      mixinStandardHelpOptions = true,
      description = {
        "Hashes a password for dashboard.users[].passwordHash (PBKDF2-HMAC-SHA256).",
        "Reads it from the terminal without echo, or one line from standard input with --stdin."
      })
  public static final class Hash extends CliCommand implements Callable<Integer> {
    @Option(names = "--stdin", description = "read the password from standard input")
    boolean stdin;

    @Option(
        names = "--iterations",
        paramLabel = "N",
        description = "PBKDF2 iterations (default: ${DEFAULT-VALUE})",
        defaultValue = "" + PasswordHasher.DEFAULT_ITERATIONS)
    int iterations;

    @Override
    public Integer call() throws IOException {
      if (iterations < 100_000) {
        throw new UserError("--iterations: at least 100000, got " + iterations);
      }
      char[] password = stdin ? fromStdin() : fromConsole();
      try {
        if (password.length < 8) {
          throw new UserError("the password is too short: at least 8 characters");
        }
        out().println(new PasswordHasher(iterations).hash(password));
        return 0;
      } finally {
        PasswordHasher.wipe(password);
      }
    }

    private static char[] fromStdin() throws IOException {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = in.readLine();
      if (line == null || line.isEmpty()) {
        throw new UserError("no password on standard input");
      }
      return line.toCharArray();
    }

    private static char[] fromConsole() {
      Console c = System.console();
      if (c == null) {
        throw new UserError("no terminal to ask for the password: use --stdin");
      }
      char[] first = c.readPassword("密码: ");
      char[] second = c.readPassword("再输入一次: ");
      if (first == null || second == null || !Arrays.equals(first, second)) {
        PasswordHasher.wipe(first);
        PasswordHasher.wipe(second);
        throw new UserError("the two passwords differ");
      }
      PasswordHasher.wipe(second);
      return first;
    }
  }
}
