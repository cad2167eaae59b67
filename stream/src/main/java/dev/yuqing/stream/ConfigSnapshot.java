package dev.yuqing.stream;

import dev.yuqing.core.config.YuqingConfig;
import dev.yuqing.core.json.Json;
import java.io.Serializable;

/**
 * The configuration as it travels with the job graph: config records are not {@link Serializable},
 * so the snapshot carries them as JSON and binds them again, once, where they are used (on a task
 * manager).
 */
public final class ConfigSnapshot implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String json;
  private transient YuqingConfig config;

  private ConfigSnapshot(String json, YuqingConfig config) {
    this.json = json;
    this.config = config;
  }

  public static ConfigSnapshot of(YuqingConfig config) {
    return new ConfigSnapshot(Json.line(config), config);
  }

  /** The configuration (bound again from JSON after the snapshot travelled). */
  public synchronized YuqingConfig get() {
    if (config == null) {
      config = Json.read(json, YuqingConfig.class);
    }
    return config;
  }

  /** The JSON form. */
  public String json() {
    return json;
  }
}
