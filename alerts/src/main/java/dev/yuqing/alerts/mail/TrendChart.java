package dev.yuqing.alerts.mail;

import dev.yuqing.core.Alert;
import dev.yuqing.core.TrendPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The PNG trend chart of an alert: counts per window against the baseline. Uses a CJK font when the
 * system has one ({@link CjkFont}); otherwise Latin labels, so that no glyph becomes a box.
 */
public final class TrendChart {
  static final int WIDTH = 640;
  static final int HEIGHT = 280;

  private TrendChart() {}

  /** The chart as PNG bytes, or empty when the alert has fewer than two points to draw. */
  public static Optional<byte[]> png(Alert alert, ZoneId zone) {
    return png(alert, zone, CjkFont.find());
  }

  static Optional<byte[]> png(Alert alert, ZoneId zone, Optional<Font> cjk) {
    List<TrendPoint> trend = alert.trend();
    if (trend.size() < 2) {
      return Optional.empty();
    }
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    boolean chinese = cjk.isPresent();
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(chinese ? alert.project() + " 负面帖走势" : "")
            .xAxisTitle("")
            .yAxisTitle(chinese ? "帖数/窗口" : "posts per window")
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setDatePattern("MM-dd HH:mm");
    chart.getStyler().setTimezone(TimeZone.getTimeZone(zone));
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisDecimalPattern("#");
    chart.getStyler().setAntiAlias(true);
    if (chinese) {
      Font base = cjk.get();
      chart.getStyler().setBaseFont(base.deriveFont(12f));
      chart.getStyler().setChartTitleFont(base.deriveFont(Font.PLAIN, 15f));
      chart.getStyler().setLegendFont(base.deriveFont(12f));
      chart.getStyler().setAxisTitleFont(base.deriveFont(12f));
      chart.getStyler().setAxisTickLabelsFont(base.deriveFont(11f));
    }
    List<Date> xs = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    List<Double> baseline = new ArrayList<>();
    boolean hasBaseline = false;
    for (TrendPoint p : trend) {
      xs.add(Date.from(p.start()));
      counts.add(p.count());
      baseline.add(Double.isNaN(p.baseline()) ? 0 : p.baseline());
      hasBaseline |= !Double.isNaN(p.baseline());
    }
    XYSeries c = chart.addSeries(chinese ? "负面帖" : "posts", xs, counts);
    c.setMarker(SeriesMarkers.CIRCLE);
    c.setLineColor(new Color(0xC0392B));
    c.setMarkerColor(new Color(0xC0392B));
    if (hasBaseline) {
      XYSeries b = chart.addSeries(chinese ? "基线" : "baseline", xs, baseline);
      b.setMarker(SeriesMarkers.NONE);
      b.setLineColor(new Color(0x7F8C8D));
      b.setLineStyle(
          new BasicStroke(
              1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }
    try {
      return Optional.of(PngEncoder.encode(BitmapEncoder.getBufferedImage(chart)));
    } catch (RuntimeException e) {
      // A chart is a courtesy: an alert without one must still go out.
      return Optional.empty();
    }
  }
}
