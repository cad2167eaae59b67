package dev.yuqing.core.config;

import java.time.Duration;

/**
 * The Flink job.
 *
 * @param parallelism operator parallelism (default 1)
 * @param checkpointInterval how often state is checkpointed (default 10s)
 * @param checkpointUri where checkpoints go; default: {@code file://<data>/checkpoints}
 * @param maxOutOfOrderness watermark delay: how late a post may arrive and still be on time
 *     (default 5m)
 * @param window event-time window for counting posts per project, topic and sentiment (default 30m)
 */
public record StreamConfig(
    Integer parallelism,
    Duration checkpointInterval,
    String checkpointUri,
    Duration maxOutOfOrderness,
    Duration window) {

  public static final StreamConfig DEFAULT = new StreamConfig(null, null, null, null, null);

  public StreamConfig {
    parallelism = Check.atLeast("parallelism", parallelism, 1, 1);
    checkpointInterval =
        Check.positive("checkpointInterval", checkpointInterval, Duration.ofSeconds(10));
    maxOutOfOrderness =
        Check.nonNegative("maxOutOfOrderness", maxOutOfOrderness, Duration.ofMinutes(5));
    window = Check.positive("window", window, Duration.ofMinutes(30));
  }
}
