package dev.yuqing.dashboards.report;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells drawn glyphs from "tofu": when a font lacks the glyphs every character is drawn as the same
 * empty box, so the first line of text holds one shape repeated. Real Chinese glyphs give many
 * distinct shapes.
 */
public final class Glyphs {
  private Glyphs() {}

  /** Dark pixels in the image. */
  public static long ink(BufferedImage img) {
    long n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if (dark(img.getRGB(x, y))) {
          n++;
        }
      }
    }
    return n;
  }

  /** Distinct shapes among the ink runs of the first text line at or below {@code fromY}. */
  public static int distinctShapesInFirstLine(BufferedImage img, int fromY) {
    int top = -1;
    int bottom = -1;
    for (int y = fromY; y < img.getHeight(); y++) {
      boolean any = rowHasInk(img, y);
      if (any && top < 0) {
        top = y;
      } else if (!any && top >= 0) {
        bottom = y;
        break;
      }
    }
    if (top < 0) {
      return 0;
    }
    if (bottom < 0) {
      bottom = img.getHeight();
    }
    Set<String> shapes = new HashSet<>();
    int x = 0;
    while (x < img.getWidth()) {
      while (x < img.getWidth() && !columnHasInk(img, x, top, bottom)) {
        x++;
      }
      int start = x;
      while (x < img.getWidth() && columnHasInk(img, x, top, bottom)) {
        x++;
      }
      if (x > start) {
        shapes.add(shape(img, start, x, top, bottom));
      }
    }
    return shapes.size();
  }

  private static String shape(BufferedImage img, int x0, int x1, int top, int bottom) {
    List<String> rows = new ArrayList<>();
    for (int y = top; y < bottom; y++) {
      StringBuilder r = new StringBuilder();
      for (int x = x0; x < x1; x++) {
        r.append(dark(img.getRGB(x, y)) ? '#' : '.');
      }
      rows.add(r.toString());
    }
    return String.join("\n", rows);
  }

  private static boolean rowHasInk(BufferedImage img, int y) {
    for (int x = 0; x < img.getWidth(); x++) {
      if (dark(img.getRGB(x, y))) {
        return true;
      }
    }
    return false;
  }

  private static boolean columnHasInk(BufferedImage img, int x, int top, int bottom) {
    for (int y = top; y < bottom; y++) {
      if (dark(img.getRGB(x, y))) {
        return true;
      }
    }
    return false;
  }

  static boolean dark(int rgb) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return (r + g + b) / 3 < 160;
  }
}
