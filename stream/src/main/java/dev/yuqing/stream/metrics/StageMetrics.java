package dev.yuqing.stream.metrics;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Names of yuqing's own metrics, registered on the operators' metric groups. The Flink web UI and
 * any configured reporter show them; {@link ProgressReporter} reads them live in-process.
 */
public final class StageMetrics {
  /** Prefix of every yuqing metric name. */
  public static final String PREFIX = "yuqing_";

  /** Posts the sources emitted (crawled or replayed). */
  public static final String SOURCED = PREFIX + "sourced";

  /** Pages a crawler fetched. */
  public static final String PAGES = PREFIX + "pages";

  /** Crawl or replay input that could not be used (one log line each). */
  public static final String BAD_INPUT = PREFIX + "bad_input";

  /** Posts taken into the job after normalisation. */
  public static final String INGESTED = PREFIX + "ingested";

  /** Posts dropped because the same id with the same content was already seen. */
  public static final String DUPLICATES = PREFIX + "duplicates";

  /** New versions of posts already seen (indexed again, not counted again). */
  public static final String EDITS = PREFIX + "edits";

  /** Reposts linked to their first source (indexed, not counted again). */
  public static final String REPOSTS = PREFIX + "reposts";

  /** Posts tagged. */
  public static final String TAGGED = PREFIX + "tagged";

  /**
   * Posts written to the index for the first time (searchable within its refresh interval): one per
   * distinct post, so it adds up with the index's document count.
   */
  public static final String INDEXED = PREFIX + "indexed";

  /**
   * Writes that replaced a post's document (an edit, a post re-linked as a repost when its original
   * turned up later).
   */
  public static final String REWRITTEN = PREFIX + "rewritten";

  /** Alert decisions (one per counted post and project: post rules and its open window). */
  public static final String DECISIONS = PREFIX + "decisions";

  /** Alerts raised or updated by the rules. */
  public static final String ALERTS = PREFIX + "alerts";

  /** Alerts handed to the alert service. */
  public static final String ALERTS_DELIVERED = PREFIX + "alerts_delivered";

  /** Latency from ingest to written to the index, ms (searchable within its refresh interval). */
  public static final String LATENCY_INDEXED = PREFIX + "latency_indexed_ms";

  /**
   * Latency from ingest to the alert decision on the post, ms: the post rules judged it and the
   * window rules judged its window as counted with it (before the window closes).
   */
  public static final String LATENCY_DECISION = PREFIX + "latency_decision_ms";

  /** Latency from ingest of the post that raised an alert to the alert leaving the rules, ms. */
  public static final String LATENCY_ALERT = PREFIX + "latency_alert_ms";

  /** Latency from ingest to the window rules' judgement of the post's window, ms. */
  public static final String LATENCY_WINDOW = PREFIX + "latency_window_ms";

  /** Flink's own task metric: time per second the task was back-pressured. */
  public static final String BACK_PRESSURED = "backPressuredTimeMsPerSecond";

  /** Flink's own task metric: time per second the task was busy. */
  public static final String BUSY = "busyTimeMsPerSecond";

  private StageMetrics() {}

  public static Counter counter(MetricGroup group, String name) {
    return group.counter(name);
  }

  public static LatencyHistogram histogram(MetricGroup group, String name) {
    return group.histogram(name, new LatencyHistogram());
  }
}
