package dev.yuqing.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the third-party development data ({@code ../shared/data} beside the checkout). A user's
 * fresh clone does not have it: callers skip (tests) or explain (tools) when it is absent. Never
 * copy its text into the project.
 */
public final class SharedData {
  /** Environment variable that overrides the search. */
  public static final String ENV = "YUQING_SHARED_DATA";

  private SharedData() {}

  /** The data directory, looked up from the environment and then upward from the working dir. */
  public static Optional<Path> locate() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
    Path dir = Path.of("").toAbsolutePath();
    // The checkout and shared/ are siblings; tests run in a module directory one level down.
    for (int i = 0; i < 4 && dir != null && dir.getParent() != null; i++, dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** A file under the data directory, if the data directory and the file exist. */
  public static Optional<Path> file(String relative) {
    return locate().map(d -> d.resolve(relative)).filter(Files::exists);
  }

  /** One line for a skipped test or a tool that needs the data. */
  public static String missingReason(String relative) {
    return "../shared/data/" + relative + " is absent (a fresh clone has no ../shared): skipped";
  }
}
