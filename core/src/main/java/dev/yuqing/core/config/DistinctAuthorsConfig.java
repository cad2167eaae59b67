package dev.yuqing.core.config;

import java.time.Duration;

/**
 * A rule that waits for several people: it fires once posts of {@code minAuthors} distinct authors
 * match within {@code window}, so that one loud account does not page anybody.
 */
public interface DistinctAuthorsConfig {
  /** Distinct authors needed within the window. */
  Integer minAuthors();

  /** How far back authors are counted. */
  Duration window();
}
