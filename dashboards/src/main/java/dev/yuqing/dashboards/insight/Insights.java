package dev.yuqing.dashboards.insight;

import java.time.Instant;
import java.util.Optional;

/**
 * Counts over the index for the overview and the reports.
 *
 * <p>Threading: safe for concurrent use. Units: instants are event times; buckets start at local
 * midnight (day) or at the full hour (hour) in the zone given at construction.
 */
public interface Insights {

  /** Counts for the posts of {@code project} (null: all) with event time in [from, to). */
  Stats stats(String project, Instant from, Instant to, Granularity granularity);

  /** Event time of the newest post of the project (null: all), empty when there is none. */
  Optional<Instant> latest(String project);

  /** Bucket sizes of the volume series. */
  enum Granularity {
    HOUR,
    DAY
  }
}
