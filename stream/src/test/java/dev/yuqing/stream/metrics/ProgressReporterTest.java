package dev.yuqing.stream.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
  @Test
  void aSnapshotWithoutLatenciesHasTheCountsAndRefusesHistograms() {
    ProgressReporter r = new ProgressReporter();
    r.open(new MetricConfig());
    try {
      var group = UnregisteredMetricGroups.createUnregisteredTaskMetricGroup();
      SimpleCounter indexed = new SimpleCounter();
      indexed.inc(3);
      LatencyHistogram latency = new LatencyHistogram();
      latency.update(120);
      r.notifyOfAddedMetric(indexed, StageMetrics.INDEXED, group);
      r.notifyOfAddedMetric(latency, StageMetrics.LATENCY_INDEXED, group);

      ProgressReporter.Snapshot counts = ProgressReporter.snapshot(false);
      assertThat(counts.count(StageMetrics.INDEXED)).isEqualTo(3);
      assertThatThrownBy(() -> counts.histogram(StageMetrics.LATENCY_INDEXED))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(StageMetrics.LATENCY_INDEXED);
      assertThat(ProgressReporter.snapshot().histogram(StageMetrics.LATENCY_INDEXED).getCount())
          .isEqualTo(1);
    } finally {
      r.close();
    }
  }
}
