package dev.yuqing.dashboards.report;

import dev.yuqing.dashboards.insight.Stats;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The report's charts as PNG images drawn in pure Java (XChart) with the CJK font loaded from its
 * file, so that axis labels and legends show Chinese glyphs whatever fonts the JVM finds. Not
 * thread-safe per chart; each call builds its own chart.
 */
public final class ReportCharts {
  static final Color NEGATIVE = new Color(0xd6, 0x45, 0x41);
  static final Color NEUTRAL = new Color(0x9a, 0xa5, 0xb1);
  static final Color POSITIVE = new Color(0x3a, 0x9d, 0x5d);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("MM-dd HH时", Locale.ROOT);

  private final Font font;

  public ReportCharts(Font font) {
    this.font = font;
  }

  /** Loads the first face of a TrueType font or collection (.ttf / .ttc). */
  public static Font loadFont(Path file) {
    try {
      Font[] faces = Font.createFonts(file.toFile());
      return faces[0];
    } catch (FontFormatException e) {
      throw new IllegalArgumentException(file + ": not a TrueType font: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read the font: " + e.getMessage(), e);
    }
  }

  /** Posts per day, stacked by sentiment. */
  public byte[] volume(Stats s, ZoneId zone) {
    CategoryChart c = chart("每日声量（按情感）", "帖子数");
    List<String> days = labels(s, zone);
    c.getStyler().setStacked(true);
    c.getStyler().setSeriesColors(new Color[] {NEGATIVE, NEUTRAL, POSITIVE});
    c.addSeries("负面", days, s.buckets().stream().map(b -> (Number) b.negative()).toList());
    c.addSeries("中性", days, s.buckets().stream().map(b -> (Number) b.neutral()).toList());
    c.addSeries("正面", days, s.buckets().stream().map(b -> (Number) b.positive()).toList());
    return png(c);
  }

  /** Posts per hour, stacked by sentiment: an incident's timeline. */
  public byte[] hourly(Stats s, ZoneId zone) {
    CategoryChart c = chart("每小时声量（按情感）", "帖子数");
    List<String> hours = new ArrayList<>();
    s.buckets().forEach(b -> hours.add(HOUR.format(b.start().atZone(zone))));
    if (hours.isEmpty()) {
      hours.add("—");
    }
    c.getStyler().setStacked(true);
    c.getStyler().setLegendPosition(LegendPosition.OutsideE);
    c.getStyler().setSeriesColors(new Color[] {NEGATIVE, NEUTRAL, POSITIVE});
    List<Stats.Bucket> b =
        s.buckets().isEmpty() ? List.of(new Stats.Bucket(null, 0, 0, 0)) : s.buckets();
    c.addSeries("负面", hours, b.stream().map(x -> (Number) x.negative()).toList());
    c.addSeries("中性", hours, b.stream().map(x -> (Number) x.neutral()).toList());
    c.addSeries("正面", hours, b.stream().map(x -> (Number) x.positive()).toList());
    return png(c);
  }

  /** Negative share per day, in percent. */
  public byte[] negativeShare(Stats s, ZoneId zone) {
    CategoryChart c = chart("每日负面占比", "负面占比（%）");
    c.getStyler().setDefaultSeriesRenderStyle(CategorySeriesRenderStyle.Line);
    c.getStyler().setSeriesColors(new Color[] {NEGATIVE});
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisMax(100.0);
    List<Number> share = new ArrayList<>();
    for (Stats.Bucket b : s.buckets()) {
      share.add(b.total() == 0 ? 0.0 : 100.0 * b.negative() / b.total());
    }
    c.addSeries("负面占比", labels(s, zone), share);
    return png(c);
  }

  private CategoryChart chart(String title, String yTitle) {
    CategoryChart c = new CategoryChartBuilder().width(900).height(320).title(title).build();
    c.setYAxisTitle(yTitle);
    Styler st = c.getStyler();
    st.setChartTitleFont(font.deriveFont(Font.PLAIN, 16f));
    st.setLegendFont(font.deriveFont(Font.PLAIN, 12f));
    st.setLegendPosition(LegendPosition.InsideNW);
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotBorderVisible(false);
    c.getStyler().setAxisTitleFont(font.deriveFont(Font.PLAIN, 12f));
    c.getStyler().setAxisTickLabelsFont(font.deriveFont(Font.PLAIN, 11f));
    c.getStyler().setXAxisLabelRotation(45);
    c.getStyler().setXAxisTitleVisible(false);
    c.getStyler().setToolTipsEnabled(false);
    return c;
  }

  private static List<String> labels(Stats s, ZoneId zone) {
    List<String> l = new ArrayList<>();
    s.buckets().forEach(b -> l.add(DAY.format(b.start().atZone(zone))));
    if (l.isEmpty()) {
      l.add("—");
    }
    return l;
  }

  private static byte[] png(CategoryChart c) {
    if (c.getSeriesMap().values().stream().anyMatch(se -> se.getXData().isEmpty())) {
      throw new IllegalStateException("empty series");
    }
    try {
      return BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
