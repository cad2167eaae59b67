package dev.yuqing.app.cli;

import dev.yuqing.core.Html;

/** Printing crawled text on a terminal: it is hostile, so control characters never get through. */
final class Terminal {
  private Terminal() {}

  /** Replaces control characters (ANSI escapes, carriage returns, newlines) by spaces. */
  static String safe(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
    }
    return sb.toString();
  }

  /** An index highlight (HTML with {@code <em>}) as plain text with 【】 around the matches. */
  static String fromHighlight(String html) {
    return Html.unescape(html.replace("<em>", "【").replace("</em>", "】"));
  }

  static String abbreviate(String s, int max) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    return t.length() <= max ? t : t.substring(0, max) + "…";
  }
}
