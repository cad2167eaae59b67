package dev.yuqing.core.config;

import java.time.Duration;

/**
 * The Flink job.
 *
 * @param parallelism operator parallelism (default 1)
 * @param checkpointInterval how often state is checkpointed (default 10s)
 * @param checkpointUri where checkpoints go, e.g. {@code s3://bucket/yuqing} or {@code
 *     file:///var/lib/yuqing/checkpoints}; default: {@code <data>/checkpoints}
 * @param maxOutOfOrderness watermark delay: how late a post may arrive and still be on time
 *     (default 5m)
 * @param window event-time window for counting posts per project, topic and sentiment (default 30m)
 * @param lateness how long after its end a window still takes late posts into its count (default
 *     1d); a later post is still indexed and counted, in a window opened again for it
 * @param idleTimeout a source split that emitted nothing for this long no longer holds the
 *     watermark back (default 1m)
 * @param dedupTtl how long post ids and text fingerprints are remembered for dedup (default 30d)
 * @param nearDuplicateBits SimHash bits (of 64) two texts may differ in and still be one repost;
 *     0..8, 0: only texts equal after normalisation (default 6)
 */
public record StreamConfig(
    Integer parallelism,
    Duration checkpointInterval,
    String checkpointUri,
    Duration maxOutOfOrderness,
    Duration window,
    Duration lateness,
    Duration idleTimeout,
    Duration dedupTtl,
    Integer nearDuplicateBits) {

  public static final StreamConfig DEFAULT =
      new StreamConfig(null, null, null, null, null, null, null, null, null);

  public StreamConfig {
    parallelism = Check.atLeast("parallelism", parallelism, 1, 1);
    checkpointInterval =
        Check.positive("checkpointInterval", checkpointInterval, Duration.ofSeconds(10));
    if (checkpointUri != null) {
      checkpointUri = checkpointUri(checkpointUri);
    }
    maxOutOfOrderness =
        Check.nonNegative("maxOutOfOrderness", maxOutOfOrderness, Duration.ofMinutes(5));
    window = Check.positive("window", window, Duration.ofMinutes(30));
    lateness = Check.nonNegative("lateness", lateness, Duration.ofDays(1));
    idleTimeout = Check.positive("idleTimeout", idleTimeout, Duration.ofMinutes(1));
    dedupTtl = Check.positive("dedupTtl", dedupTtl, Duration.ofDays(30));
    nearDuplicateBits = Check.atLeast("nearDuplicateBits", nearDuplicateBits, 6, 0);
    if (nearDuplicateBits > 8) {
      // beyond 8 bits distinct letters to officials on the same estate start to look alike
      throw new IllegalArgumentException(
          "nearDuplicateBits: must be 0..8, got " + nearDuplicateBits);
    }
  }

  /** A copy with another parallelism (command-line override). */
  public StreamConfig withParallelism(int p) {
    return new StreamConfig(
        p,
        checkpointInterval,
        checkpointUri,
        maxOutOfOrderness,
        window,
        lateness,
        idleTimeout,
        dedupTtl,
        nearDuplicateBits);
  }

  private static String checkpointUri(String value) {
    String v = value.strip();
    int colon = v.indexOf(':');
    // A scheme is required: a bare path would be resolved against whatever directory the job
    // manager happens to run in.
    if (colon < 2 || !v.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
      throw new IllegalArgumentException(
          "checkpointUri: needs a scheme (file:///…, s3://…, hdfs://…), got '" + value + "'");
    }
    try {
      return java.net.URI.create(v).toString();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "checkpointUri: not a valid URI: '" + value + "' (" + e.getMessage() + ")", e);
    }
  }
}
