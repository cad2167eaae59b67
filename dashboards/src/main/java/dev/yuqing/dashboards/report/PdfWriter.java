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
  /**
   * PDFBox warns on stderr about the standard PDF fonts it maps to system ones, once per font, at
   * start; none of them is used (every text is in the CJK font). Kept here so it is not collected.
   */
  private static final java.util.logging.Logger PDFBOX_FONTS =
      java.util.logging.Logger.getLogger("org.apache.pdfbox.pdmodel.font");

  static {
    PDFBOX_FONTS.setLevel(java.util.logging.Level.SEVERE);
    // openhtmltopdf's own progress lines ("Prepare to fly") are not for report users
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
  }

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
