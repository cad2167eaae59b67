package dev.yuqing.crawler.eval;

import dev.yuqing.crawler.extract.Article;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Runs extractors over the same keyed pages and prints one line per page and a summary with the
 * first extractor's figures against the second's (the ratio).
 */
public final class ExtractEval {
  private ExtractEval() {}

  /**
   * One extractor's figures over a page set; a share is NaN when no page could be checked.
   *
   * @param name the extractor
   * @param scores per page, in page order
   * @param seconds time spent extracting
   */
  public record Summary(String name, List<PageScore> scores, double seconds, boolean dates) {
    /** Share of pages with a whole-body key whose body F1 is good. */
    public double goodShare() {
      return share(s -> !Double.isNaN(s.f1()), s -> s.f1() >= Bigrams.GOOD);
    }

    /** Mean body F1 over pages with a whole-body key. */
    public double meanF1() {
      return scores.stream()
          .mapToDouble(PageScore::f1)
          .filter(f -> !Double.isNaN(f))
          .average()
          .orElse(Double.NaN);
    }

    /** Share of pages with title/must/must-not keys extracted all right. */
    public double cleanShare() {
      return share(s -> s.titleOk() != null || s.missing() != null, PageScore::clean);
    }

    public int[] day() {
      return count(PageScore::dayOk);
    }

    public int[] minute() {
      return count(PageScore::minuteOk);
    }

    public int[] author() {
      return count(PageScore::authorOk);
    }

    public long errors() {
      return scores.stream().filter(s -> s.error() != null).count();
    }

    private double share(Predicate<PageScore> applies, Predicate<PageScore> ok) {
      long n = scores.stream().filter(applies).count();
      long k = scores.stream().filter(applies).filter(ok).count();
      return n == 0 ? Double.NaN : (double) k / n;
    }

    /** [right, checked]. */
    private int[] count(Function<PageScore, Boolean> check) {
      int n = 0;
      int k = 0;
      for (PageScore s : scores) {
        Boolean b = check.apply(s);
        if (b != null) {
          n++;
          k += b ? 1 : 0;
        }
      }
      return new int[] {k, n};
    }
  }

  /**
   * Scores every extractor on every page.
   *
   * @param zone the zone times without one are read in (the crawler's)
   * @param verbose also print what each page got wrong
   */
  public static List<Summary> run(
      List<KeyedPage> pages,
      List<PageExtractor> extractors,
      ZoneId zone,
      PrintWriter out,
      boolean verbose)
      throws IOException {
    List<byte[]> bytes = new ArrayList<>();
    for (KeyedPage p : pages) {
      bytes.add(Files.readAllBytes(p.file()));
    }
    List<Summary> sums = new ArrayList<>();
    List<List<Article>> got = new ArrayList<>();
    for (PageExtractor x : extractors) {
      List<PageScore> scores = new ArrayList<>();
      List<Article> articles = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < pages.size(); i++) {
        KeyedPage p = pages.get(i);
        Article a = null;
        PageScore s;
        try {
          a = x.extract(bytes.get(i), p.url());
          s = PageScore.of(p, a, zone);
        } catch (Exception | StackOverflowError e) {
          s = PageScore.failed(p, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        scores.add(s);
        articles.add(a);
      }
      sums.add(new Summary(x.name(), scores, (System.nanoTime() - t0) / 1e9, x.readsDates()));
      got.add(articles);
    }
    printPages(pages, sums, got, out, verbose);
    printSummary(pages.size(), sums, out);
    out.flush();
    return sums;
  }

  private static void printPages(
      List<KeyedPage> pages,
      List<Summary> sums,
      List<List<Article>> got,
      PrintWriter out,
      boolean verbose) {
    for (int i = 0; i < pages.size(); i++) {
      StringBuilder line =
          new StringBuilder(String.format(Locale.ROOT, "%-48s", pages.get(i).name()));
      for (Summary s : sums) {
        PageScore p = s.scores().get(i);
        line.append("  ").append(s.name()).append(':');
        if (!Double.isNaN(p.f1())) {
          line.append(String.format(Locale.ROOT, " F1 %.2f", p.f1()));
        }
        if (p.titleOk() != null || p.missing() != null) {
          line.append(p.clean() ? " clean" : " NOT-CLEAN");
        }
        mark(line, " day", s.dates() ? p.dayOk() : null);
        mark(line, " author", p.authorOk());
        if (p.error() != null) {
          line.append(" ERROR");
        }
      }
      out.println(line);
      if (verbose) {
        for (int j = 0; j < sums.size(); j++) {
          detail(sums.get(j).name(), sums.get(j).scores().get(i), got.get(j).get(i), out);
        }
      }
    }
  }

  private static void mark(StringBuilder line, String what, Boolean ok) {
    if (ok != null) {
      line.append(what).append(ok ? " ok" : " wrong");
    }
  }

  private static void detail(String name, PageScore s, Article a, PrintWriter out) {
    if (s.error() != null) {
      out.println("    " + name + " failed: " + s.error());
      return;
    }
    if (Boolean.FALSE.equals(s.titleOk())) {
      out.println("    " + name + " title: " + a.title());
    }
    if (s.missing() != null && !s.missing().isEmpty()) {
      out.println("    " + name + " missing: " + s.missing());
    }
    if (s.leaked() != null && !s.leaked().isEmpty()) {
      out.println("    " + name + " leaked: " + s.leaked());
    }
    if (a.publishedAt() != null
        && (Boolean.FALSE.equals(s.dayOk()) || Boolean.FALSE.equals(s.minuteOk()))) {
      out.println("    " + name + " published: " + a.publishedAt());
    }
    if (Boolean.FALSE.equals(s.authorOk())) {
      out.println("    " + name + " author: " + a.author());
    }
  }

  private static void printSummary(int pages, List<Summary> sums, PrintWriter out) {
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-34s", pages + " pages"));
    for (Summary s : sums) {
      head.append(String.format(Locale.ROOT, "%16s", s.name()));
    }
    if (sums.size() >= 2) {
      head.append(String.format(Locale.ROOT, "%10s", "ratio"));
    }
    out.println(head);
    row(out, "body good (bigram F1 >= 0.9)", sums, Summary::goodShare);
    row(out, "body bigram F1, mean", sums, Summary::meanF1);
    row(out, "title, body and clean all right", sums, Summary::cleanShare);
    counts(out, "publication day right", sums, s -> s.dates() ? s.day() : null);
    counts(out, "publication minute right", sums, s -> s.dates() ? s.minute() : null);
    counts(out, "author right", sums, Summary::author);
    StringBuilder err = new StringBuilder(String.format(Locale.ROOT, "%-34s", "failed pages"));
    StringBuilder time = new StringBuilder(String.format(Locale.ROOT, "%-34s", "seconds"));
    for (Summary s : sums) {
      err.append(String.format(Locale.ROOT, "%16d", s.errors()));
      time.append(String.format(Locale.ROOT, "%16.2f", s.seconds()));
    }
    out.println(err);
    out.println(time);
  }

  private static void row(
      PrintWriter out, String label, List<Summary> sums, ToDoubleFunction<Summary> f) {
    if (sums.stream().allMatch(s -> Double.isNaN(f.applyAsDouble(s)))) {
      return;
    }
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-34s", label));
    for (Summary s : sums) {
      line.append(String.format(Locale.ROOT, "%16.3f", f.applyAsDouble(s)));
    }
    if (sums.size() >= 2) {
      double a = f.applyAsDouble(sums.get(0));
      double b = f.applyAsDouble(sums.get(1));
      line.append(
          b == 0
              ? String.format(Locale.ROOT, "%10s", "-")
              : String.format(Locale.ROOT, "%10.2f", a / b));
    }
    out.println(line);
  }

  private static void counts(
      PrintWriter out, String label, List<Summary> sums, Function<Summary, int[]> f) {
    int[] first = f.apply(sums.get(0));
    if (first == null || first[1] == 0) {
      return;
    }
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-34s", label));
    for (Summary s : sums) {
      int[] c = f.apply(s);
      line.append(String.format(Locale.ROOT, "%16s", c == null ? "-" : c[0] + "/" + c[1]));
    }
    out.println(line);
  }
}
