package dev.yuqing.dashboards.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Builds a report and renders it as HTML or PDF: what the CLI and the scheduler call. */
public final class ReportService {
  private final ReportBuilder builder;
  private final ReportHtml html;
  private final PdfWriter pdf;

  /**
   * @param builder gathers the report's data
   * @param font TrueType CJK font for charts and PDF (reports.font)
   */
  public ReportService(ReportBuilder builder, Path font) {
    this.builder = builder;
    this.pdf = new PdfWriter(font);
    this.html = new ReportHtml(new ReportCharts(ReportCharts.loadFont(font)));
  }

  public Report build(String project, ReportPeriod period) {
    return builder.build(project, period);
  }

  public String html(Report r) {
    return html.render(r);
  }

  public byte[] pdf(Report r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    try {
      pdf.write(html.render(r), out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the PDF: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** The report in the format named by {@code format} ("pdf" or "html"). */
  public byte[] render(Report r, String format) {
    return format.equals("pdf") ? pdf(r) : html(r).getBytes(StandardCharsets.UTF_8);
  }

  /** 【舆情周报】翡翠湾 2024年第19周（…）: the mail subject and a title. */
  public static String subject(Report r) {
    return "【舆情" + r.period().kindName() + "】" + r.project() + " " + r.period().label();
  }

  /** A file name without characters that trouble mail clients or shells. */
  public static String fileName(Report r, String format) {
    String kind = r.period().kind().json();
    return "yuqing-" + kind + "-" + r.period().first() + "." + format;
  }
}
