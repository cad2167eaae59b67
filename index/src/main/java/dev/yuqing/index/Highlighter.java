package dev.yuqing.index;

import dev.yuqing.core.Html;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.TextAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marks query terms in a hit's title and text. Runs on the post itself after the search, with the
 * same analysis as indexing, so both backends highlight identically. The output is HTML: matches in
 * {@code <em>}, everything else escaped (crawled text is hostile).
 */
final class Highlighter {
  /** Characters of text shown around the first match. */
  static final int FRAGMENT = 120;

  private Highlighter() {}

  /** Field ({@code title}, {@code text}) → fragment, for the fields that contain a term. */
  static Map<String, String> highlight(TaggedPost post, Set<String> terms, TextAnalysis analysis) {
    Map<String, String> out = new LinkedHashMap<>();
    if (terms.isEmpty()) {
      return out;
    }
    String title = post.post().title();
    if (title != null) {
      List<int[]> spans = spans(title, terms, analysis);
      if (!spans.isEmpty()) {
        out.put("title", mark(title, spans, 0, title.length()));
      }
    }
    String text = post.post().text();
    List<int[]> spans = spans(text, terms, analysis);
    if (!spans.isEmpty()) {
      int first = spans.get(0)[0];
      int start = Math.max(0, Math.min(first - FRAGMENT / 4, text.length() - FRAGMENT));
      int end = Math.min(text.length(), start + FRAGMENT);
      // never cut a surrogate pair
      if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
        start--;
      }
      if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
        end++;
      }
      String fragment = mark(text, spans, start, end);
      out.put("text", (start > 0 ? "…" : "") + fragment + (end < text.length() ? "…" : ""));
    }
    return out;
  }

  /** Merged, sorted {@code [start, end)} spans of the tokens whose term is in {@code terms}. */
  static List<int[]> spans(String text, Set<String> terms, TextAnalysis analysis) {
    List<int[]> spans = new ArrayList<>();
    for (TextAnalysis.Term t : analysis.documentTerms(text)) {
      if (terms.contains(t.term())) {
        spans.add(new int[] {t.start(), t.end()});
      }
    }
    spans.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
    List<int[]> merged = new ArrayList<>();
    for (int[] s : spans) {
      int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && s[0] <= last[1]) {
        last[1] = Math.max(last[1], s[1]);
      } else {
        merged.add(new int[] {s[0], s[1]});
      }
    }
    return merged;
  }

  private static String mark(String text, List<int[]> spans, int from, int to) {
    StringBuilder sb = new StringBuilder();
    int at = from;
    for (int[] s : spans) {
      int a = Math.max(s[0], from);
      int b = Math.min(s[1], to);
      if (a >= b || a < at) {
        continue;
      }
      Html.esc(text, at, a, sb);
      sb.append("<em>");
      Html.esc(text, a, b, sb);
      sb.append("</em>");
      at = b;
    }
    Html.esc(text, at, to, sb);
    return sb.toString();
  }
}
