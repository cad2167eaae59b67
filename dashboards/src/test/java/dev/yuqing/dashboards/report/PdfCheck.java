package dev.yuqing.dashboards.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/** Runs poppler-utils on a PDF: its text, its fonts, a page as PNG. */
public final class PdfCheck {
  private PdfCheck() {}

  /** Skips the test, saying what to install, unless {@code font} and poppler-utils are here. */
  public static void assumeTools(Path font) {
    assumeTrue(Files.isReadable(font), font + " is absent: apt-get install fonts-wqy-microhei");
    assumeTrue(popplerPresent(), "poppler-utils are absent: apt-get install poppler-utils");
  }

  public static boolean popplerPresent() {
    return Files.isExecutable(Path.of("/usr/bin/pdftotext"))
        && Files.isExecutable(Path.of("/usr/bin/pdffonts"))
        && Files.isExecutable(Path.of("/usr/bin/pdftoppm"));
  }

  public static String text(Path pdf) throws IOException, InterruptedException {
    return run("pdftotext", "-layout", pdf.toString(), "-");
  }

  public static String fonts(Path pdf) throws IOException, InterruptedException {
    return run("pdffonts", pdf.toString());
  }

  /** Renders one page at 100 dpi to {@code <prefix>-<page>.png} and reads it back. */
  public static BufferedImage page(Path pdf, int page, Path prefix)
      throws IOException, InterruptedException {
    run(
        "pdftoppm",
        "-png",
        "-r",
        "100",
        "-f",
        String.valueOf(page),
        "-l",
        String.valueOf(page),
        "-singlefile",
        pdf.toString(),
        prefix.toString());
    return ImageIO.read(prefix.resolveSibling(prefix.getFileName() + ".png").toFile());
  }

  private static String run(String... cmd) throws IOException, InterruptedException {
    List<String> c = new ArrayList<>(List.of(cmd));
    Process p = new ProcessBuilder(c).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(
          String.join(" ", c) + " failed: " + new String(out, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
