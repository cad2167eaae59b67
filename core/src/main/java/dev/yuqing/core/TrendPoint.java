package dev.yuqing.core;

import java.io.Serializable;
import java.time.Instant;

/**
 * One point of an alert's trend chart.
 *
 * @param start start of the counting window (event time)
 * @param count posts the rule counted in the window
 * @param baseline posts expected in such a window, or NaN when the rule has no baseline
 */
public record TrendPoint(Instant start, long count, double baseline) implements Serializable {}
