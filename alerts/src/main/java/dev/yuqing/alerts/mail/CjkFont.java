package dev.yuqing.alerts.mail;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a font that draws Chinese, for the trend chart. Looks at {@code YUQING_CJK_FONT}, then at
 * the files Debian's CJK font packages install (fonts-wqy-microhei first: TrueType, 5 MB). Empty
 * when there is none: the chart then uses Latin labels instead of drawing boxes.
 */
public final class CjkFont {
  /** Environment variable naming a TrueType (.ttf/.ttc) font file to use. */
  public static final String ENV = "YUQING_CJK_FONT";

  static final List<String> CANDIDATES =
      List.of(
          "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
          "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
          "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
          "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
          "/usr/share/fonts/truetype/arphic/uming.ttc",
          "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

  private static volatile Optional<Font> cached;

  private CjkFont() {}

  /** The first CJK font found (cached for the JVM's life), at size 1: derive the size you need. */
  public static Optional<Font> find() {
    Optional<Font> f = cached;
    if (f == null) {
      List<Path> paths = new ArrayList<>();
      String env = System.getenv(ENV);
      if (env != null && !env.isBlank()) {
        paths.add(Path.of(env));
      }
      CANDIDATES.forEach(c -> paths.add(Path.of(c)));
      f = load(paths);
      cached = f;
    }
    return f;
  }

  /** The first file among {@code paths} that loads and can draw Chinese. */
  static Optional<Font> load(List<Path> paths) {
    for (Path p : paths) {
      if (!Files.isRegularFile(p)) {
        continue;
      }
      try {
        // createFonts reads TrueType collections (.ttc) too; the first face is the regular one.
        for (Font font : Font.createFonts(p.toFile())) {
          if (font.canDisplayUpTo("舆情预警负面帖基线") == -1) {
            return Optional.of(font);
          }
        }
      } catch (IOException | FontFormatException e) {
        // not a usable font file: try the next one
        continue;
      }
    }
    return Optional.empty();
  }
}
