/** Stage counters, latency histograms and an in-process reporter that reads them live. */
package dev.yuqing.stream.metrics;
