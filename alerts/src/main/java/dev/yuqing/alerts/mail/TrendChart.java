package dev.yuqing.alerts.mail;

import dev.yuqing.core.Alert;
import dev.yuqing.core.TrendPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The PNG trend chart of an alert: counts per window (red, with a marker per window) against the
 * baseline (grey, dashed), with the project in the title. Uses a CJK font when the system has one
 * ({@link CjkFont}); otherwise Latin labels, so that no glyph becomes a box.
 *
 * <p>Drawn with Java2D directly and written by the JDK's PNG writer: a chart is a few lines and
 * labels, which needs no charting library.
 */
public final class TrendChart {
  static final int WIDTH = 640;
  static final int HEIGHT = 280;

  static final Color SERIES = new Color(0xC0392B);
  static final Color BASELINE = new Color(0x7F8C8D);
  private static final Color GRID = new Color(0xE6E6E6);
  private static final Color AXIS = new Color(0x888888);
  private static final Color TEXT = new Color(0x333333);
  private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  /** Plot area: left, top, right and bottom edges in pixels. */
  static final int LEFT = 62;

  static final int TOP = 34;
  static final int RIGHT = WIDTH - 18;
  static final int BOTTOM = HEIGHT - 34;

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
    try {
      BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img.createGraphics();
      try {
        draw(g, alert, trend, zone, cjk);
      } finally {
        g.dispose();
      }
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(32 * 1024);
      if (!javax.imageio.ImageIO.write(img, "png", out)) {
        return Optional.empty();
      }
      return Optional.of(out.toByteArray());
    } catch (java.io.IOException | RuntimeException e) {
      // A chart is a courtesy: an alert without one must still go out.
      return Optional.empty();
    }
  }

  private static void draw(
      Graphics2D g, Alert alert, List<TrendPoint> trend, ZoneId zone, Optional<Font> cjk) {
    boolean chinese = cjk.isPresent();
    Font base = cjk.orElse(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    Font title = base.deriveFont(Font.PLAIN, 15f);
    Font label = base.deriveFont(Font.PLAIN, 12f);
    Font tick = base.deriveFont(Font.PLAIN, 11f);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);

    if (chinese) {
      g.setFont(title);
      g.setColor(TEXT);
      String t = alert.project() + " 负面帖走势";
      g.drawString(t, (WIDTH - g.getFontMetrics().stringWidth(t)) / 2, 22);
    }

    int n = trend.size();
    boolean hasBaseline = trend.stream().anyMatch(p -> !Double.isNaN(p.baseline()));
    long step = step(trend);
    long top = top(trend);
    double[] xs = xs(trend);

    // grid and y ticks
    g.setFont(tick);
    FontMetrics fm = g.getFontMetrics();
    g.setStroke(new BasicStroke(1f));
    for (long v = 0; v <= top; v += step) {
      int y = (int) Math.round(y(v, top));
      g.setColor(GRID);
      g.drawLine(LEFT, y, RIGHT, y);
      g.setColor(TEXT);
      String s = Long.toString(v);
      g.drawString(s, LEFT - 6 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
    }
    // x ticks: about five window starts, evenly spread
    int every = Math.max(1, (int) Math.ceil((n - 1) / 4.0));
    for (int i = 0; i < n; i += every) {
      int x = (int) Math.round(xs[i]);
      g.setColor(GRID);
      g.drawLine(x, TOP, x, BOTTOM);
      g.setColor(TEXT);
      String s = TICK.format(trend.get(i).start().atZone(zone));
      int w = fm.stringWidth(s);
      int left = Math.max(2, Math.min(WIDTH - 2 - w, x - w / 2));
      g.drawString(s, left, BOTTOM + 6 + fm.getAscent());
    }
    g.setColor(AXIS);
    g.drawRect(LEFT, TOP, RIGHT - LEFT, BOTTOM - TOP);

    // y axis title, turned a quarter
    g.setFont(label);
    String yTitle = chinese ? "帖数/窗口" : "posts per window";
    Graphics2D turned = (Graphics2D) g.create();
    try {
      turned.setColor(TEXT);
      turned.rotate(-Math.PI / 2);
      int w = turned.getFontMetrics().stringWidth(yTitle);
      turned.drawString(yTitle, -((TOP + BOTTOM) / 2 + w / 2), 16);
    } finally {
      turned.dispose();
    }

    if (hasBaseline) {
      Path2D.Double b = new Path2D.Double();
      for (int i = 0; i < n; i++) {
        double v = trend.get(i).baseline();
        double y = y(Double.isNaN(v) ? 0 : v, top);
        if (i == 0) {
          b.moveTo(xs[i], y);
        } else {
          b.lineTo(xs[i], y);
        }
      }
      g.setColor(BASELINE);
      g.setStroke(
          new BasicStroke(
              1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      g.draw(b);
    }
    Path2D.Double c = new Path2D.Double();
    for (int i = 0; i < n; i++) {
      double y = y(trend.get(i).count(), top);
      if (i == 0) {
        c.moveTo(xs[i], y);
      } else {
        c.lineTo(xs[i], y);
      }
    }
    g.setColor(SERIES);
    g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(c);
    for (int i = 0; i < n; i++) {
      g.fill(new Ellipse2D.Double(xs[i] - 3, y(trend.get(i).count(), top) - 3, 6, 6));
    }

    legend(g, label, chinese, hasBaseline);
  }

  /** The legend, inside the plot's top left corner. */
  private static void legend(Graphics2D g, Font font, boolean chinese, boolean hasBaseline) {
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    String posts = chinese ? "负面帖" : "posts";
    String base = chinese ? "基线" : "baseline";
    int line = fm.getHeight() + 2;
    int w = 34 + Math.max(fm.stringWidth(posts), hasBaseline ? fm.stringWidth(base) : 0);
    int h = 8 + line * (hasBaseline ? 2 : 1);
    int x = LEFT + 8;
    int y = TOP + 8;
    g.setColor(Color.WHITE);
    g.fillRect(x, y, w, h);
    g.setColor(AXIS);
    g.setStroke(new BasicStroke(1f));
    g.drawRect(x, y, w, h);
    int mid = y + 4 + line / 2;
    g.setColor(SERIES);
    g.setStroke(new BasicStroke(2f));
    g.drawLine(x + 6, mid, x + 24, mid);
    g.fill(new Ellipse2D.Double(x + 12, mid - 3, 6, 6));
    g.setColor(TEXT);
    g.drawString(posts, x + 30, mid + fm.getAscent() / 2 - 1);
    if (hasBaseline) {
      mid += line;
      g.setColor(BASELINE);
      g.setStroke(
          new BasicStroke(
              1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      g.drawLine(x + 6, mid, x + 24, mid);
      g.setColor(TEXT);
      g.drawString(base, x + 30, mid + fm.getAscent() / 2 - 1);
    }
  }

  /** The largest value drawn, counts and baselines, and at least 1. */
  private static double max(List<TrendPoint> trend) {
    double max = 1;
    for (TrendPoint p : trend) {
      max = Math.max(max, p.count());
      if (!Double.isNaN(p.baseline())) {
        max = Math.max(max, p.baseline());
      }
    }
    return max;
  }

  /** The y axis's tick step: about four steps up to the largest value. */
  private static long step(List<TrendPoint> trend) {
    return niceStep(max(trend) / 4);
  }

  /** The top of the y axis: the first tick at or above the largest value. */
  static long top(List<TrendPoint> trend) {
    long step = step(trend);
    return (long) Math.ceil(max(trend) / step) * step;
  }

  /** The pixel column of each point: window starts spread over the plot by time. */
  static double[] xs(List<TrendPoint> trend) {
    int n = trend.size();
    long first = trend.get(0).start().toEpochMilli();
    long span = Math.max(1, trend.get(n - 1).start().toEpochMilli() - first);
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = LEFT + (RIGHT - LEFT) * (double) (trend.get(i).start().toEpochMilli() - first) / span;
    }
    return xs;
  }

  /** The pixel row of value {@code v} on an axis from 0 to {@code top}. */
  static double y(double v, double top) {
    return BOTTOM - (BOTTOM - TOP) * Math.max(0, v) / top;
  }

  /** The smallest of 1, 2, 5 × 10^k at least {@code raw} (at least 1: counts are whole). */
  static long niceStep(double raw) {
    long magnitude = 1;
    while (magnitude * 10 <= raw) {
      magnitude *= 10;
    }
    for (long m : new long[] {1, 2, 5, 10}) {
      if (m * magnitude >= raw) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }
}
