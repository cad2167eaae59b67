package dev.yuqing.core.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads secrets from the environment. The config file only names the variable, so that a config can
 * be committed and shared without leaking passwords.
 */
public final class Secrets {
  private final Function<String, String> env;

  public Secrets(Function<String, String> env) {
    this.env = env;
  }

  public static Secrets fromEnvironment() {
    return new Secrets(System::getenv);
  }

  public static Secrets of(Map<String, String> values) {
    return new Secrets(values::get);
  }

  /** The value of the variable, or empty when the name is null or the variable unset or blank. */
  public Optional<String> get(String variable) {
    if (variable == null) {
      return Optional.empty();
    }
    String v = env.apply(variable);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }
}
