package dev.yuqing.stream.metrics;

import java.util.Properties;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/** Lets Flink create a {@link ProgressReporter} from configuration ({@code metrics.reporter.*}). */
public final class ProgressReporterFactory implements MetricReporterFactory {
  @Override
  public MetricReporter createMetricReporter(Properties properties) {
    return new ProgressReporter();
  }
}
