package dev.yuqing.dashboards.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns the report's XHTML into a PDF with openhtmltopdf, embedding (a subset of) the CJK TrueType
 * font so that the PDF shows Chinese on any reader. Only TrueType outlines work (WenQuanYi Micro
 * Hei, AR PL); CFF-based OpenType such as Noto CJK is refused by the renderer.
 */
public final class PdfWriter {
  private final Path font;

  public PdfWriter(Path font) {
    if (!Files.isReadable(font)) {
      throw new IllegalArgumentException(
          font
              + ": CJK font not found: install Debian's fonts-wqy-microhei or set reports.font to a"
              + " TrueType font");
    }
    this.font = font;
  }

  public void write(String xhtml, OutputStream out) throws IOException {
    PdfRendererBuilder b = new PdfRendererBuilder();
    b.useFastMode();
    b.useFont(font.toFile(), ReportHtml.FONT_FAMILY);
    b.withHtmlContent(xhtml, null);
    b.toStream(out);
    b.run();
  }
}
