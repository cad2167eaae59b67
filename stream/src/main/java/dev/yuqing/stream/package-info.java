/**
 * The Flink job ({@link dev.yuqing.stream.YuqingJob}): normalise, dedup, tag, index, count in
 * event-time windows, detect spikes and hand alerts to the alerts module.
 */
package dev.yuqing.stream;
