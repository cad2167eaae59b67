package dev.yuqing.app.cli;

import dev.yuqing.core.config.ConfigLoader;
import dev.yuqing.core.config.YuqingConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The optional {@code --config FILE} option of the commands that also run without a configuration
 * (each says what it does then); {@link Required} is the one of the commands that need it.
 */
final class ConfigFile {
  private static final String DESCRIPTION =
      "configuration (YAML, see config/example.yaml): projects, sources, the index backend (else"
          + " DATA/index), the incident desk's database (else the embedded DATA/db), alerts and"
          + " reports";

  @Option(names = "--config", paramLabel = "FILE", description = DESCRIPTION)
  Path path;

  /** The configuration loaded from {@code --config}, or null without the option. */
  YuqingConfig loadOrNull() {
    return path == null ? null : new ConfigLoader().load(path);
  }

  /** {@code --config FILE}, required. */
  static final class Required {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = DESCRIPTION)
    Path path;

    YuqingConfig load() {
      return new ConfigLoader().load(path);
    }
  }
}
