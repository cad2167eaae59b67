package dev.yuqing.crawler.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * The byline: publication time ({@link DateFinder}), author and source ({@link AuthorFinder}), read
 * first from the byline block — the lines between the headline and the body's first line — then
 * from the lines right after the body, the page's metadata and the rest of the page.
 */
final class BylineFinder implements ArticlePart {
  /** At most this many lines make a byline block. */
  private static final int ZONE = 8;

  private final DateFinder dates;
  private final AuthorFinder authors = new AuthorFinder();

  BylineFinder(Dates dates) {
    this.dates = new DateFinder(dates);
  }

  /**
   * Where the byline may be.
   *
   * @param lines the visible page, one run per line
   * @param zone the byline block's lines, nearest the headline (else the body) first
   * @param above the two lines right above the headline, nearest first (a blog's timestamp)
   * @param after the few lines right after the body
   * @param first the body's first line, or null
   */
  record Around(
      List<Runs.Run> lines,
      List<String> zone,
      List<String> above,
      List<String> after,
      String first) {}

  @Override
  public Draft apply(Page page, Draft d) {
    Around around = around(page.runs(), d);
    Draft out = d;
    if (out.published() == null) {
      out = out.withPublished(dates.find(page, around).orElse(null));
    }
    if (out.author() == null || out.author().isEmpty()) {
      AuthorFinder.Found f = authors.find(page, out, around);
      out = out.withAuthor(f.author(), f.source());
    }
    return out;
  }

  static Around around(List<Runs.Run> runs, Draft d) {
    int start = -1;
    int end = -1;
    if (d.lines() != null && !d.lines().isEmpty()) {
      start = indexOf(runs, d.lines().get(0), 0);
      end = indexOf(runs, d.lines().get(d.lines().size() - 1), Math.max(0, start));
    }
    int head = headlineIndex(runs, d, start);
    List<String> zone = new ArrayList<>();
    if (start >= 0 && head >= 0 && head < start) {
      // between the headline and the body: its first lines and the last ones before the body
      for (int i = head + 1; i < start; i++) {
        if (i <= head + ZONE || i >= start - ZONE) {
          zone.add(runs.get(i).text());
        }
      }
    } else if (start >= 0) {
      // no headline above the body: the lines just above it, nearest first
      for (int i = start - 1; i >= Math.max(0, start - ZONE); i--) {
        zone.add(runs.get(i).text());
      }
    } else {
      // no body: the lines after the headline until the first paragraph of prose
      for (int i = head + 1; i < runs.size() && zone.size() < ZONE && !runs.get(i).prose(); i++) {
        zone.add(runs.get(i).text());
      }
    }
    // and the body's own lines before its first paragraph (a byline the filter left in)
    for (int i = 0; d.lines() != null && i < Math.min(ZONE, d.lines().size()); i++) {
      if (d.lines().get(i).prose()) {
        break;
      }
      zone.add(d.lines().get(i).text());
    }
    List<String> after = new ArrayList<>();
    for (int i = end + 1; end >= 0 && i < runs.size() && after.size() < 3; i++) {
      if (!runs.get(i).linkList()) {
        after.add(runs.get(i).text());
      }
    }
    List<String> above = new ArrayList<>();
    for (int i = head - 1; head >= 0 && i >= Math.max(0, head - 2); i--) {
      above.add(runs.get(i).text());
    }
    String first = d.lines() == null || d.lines().isEmpty() ? null : d.lines().get(0).text();
    return new Around(runs, zone, above, after, first);
  }

  /**
   * The line that shows the headline: the last one before the body's start (a breadcrumb or a list
   * may show the title earlier), else the first on the page; -1 when none does.
   */
  private static int headlineIndex(List<Runs.Run> runs, Draft d, int start) {
    int first = -1;
    int last = -1;
    for (int i = 0; i < runs.size(); i++) {
      if (showsHeadline(runs.get(i), d)) {
        if (first < 0) {
          first = i;
        }
        if (start < 0 || i < start) {
          last = i;
        }
      }
    }
    return last >= 0 ? last : first;
  }

  private static boolean showsHeadline(Runs.Run r, Draft d) {
    if (d.headline() != null && Runs.inside(r.owner(), d.headline())) {
      return true;
    }
    String title = d.title();
    String l = r.text();
    return title != null
        && title.length() >= 4
        && l.length() <= title.length() + 8
        && (l.contains(title) || (title.contains(l) && l.length() * 5 >= title.length() * 3));
  }

  /** Where {@code line} is among the page's runs, from {@code from} on: the same run or text. */
  private static int indexOf(List<Runs.Run> runs, Runs.Run line, int from) {
    for (int i = from; i < runs.size(); i++) {
      if (runs.get(i) == line) {
        return i;
      }
    }
    for (int i = from; i < runs.size(); i++) {
      if (runs.get(i).text().equals(line.text())) {
        return i;
      }
    }
    return -1;
  }
}
