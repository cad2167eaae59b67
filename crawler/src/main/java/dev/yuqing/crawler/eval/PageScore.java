package dev.yuqing.crawler.eval;

import dev.yuqing.crawler.extract.Article;
import dev.yuqing.crawler.extract.Text;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One extractor's result on one keyed page; a check the key cannot make is null.
 *
 * @param f1 body bigram F1, or NaN when the key has no whole body
 * @param titleOk the headline is one the key accepts
 * @param missing body_must_contain strings the body lacks
 * @param leaked body_must_not_contain strings the body holds
 * @param dayOk the publication day is right
 * @param minuteOk the publication time is right to the minute
 * @param authorOk the author is one the key accepts
 * @param error why the extractor failed on the page, or null
 */
public record PageScore(
    double f1,
    Boolean titleOk,
    List<String> missing,
    List<String> leaked,
    Boolean dayOk,
    Boolean minuteOk,
    Boolean authorOk,
    String error) {

  /** Title, body and clean all right: the key.jsonl measure (true where the key has no lists). */
  public boolean clean() {
    return error == null
        && !Boolean.FALSE.equals(titleOk)
        && (missing == null || missing.isEmpty())
        && (leaked == null || leaked.isEmpty());
  }

  /** Scores {@code a} against {@code key}; times are read in {@code zone}. */
  static PageScore of(KeyedPage key, Article a, ZoneId zone) {
    double f1 = key.body() == null ? Double.NaN : Bigrams.f1(a.text(), key.body());
    Boolean title = null;
    if (key.titles() != null) {
      title = false;
      for (String t : key.titles()) {
        title |= a.title() != null && norm(t).equals(norm(a.title()));
      }
    }
    List<String> missing = null;
    List<String> leaked = null;
    if (key.mustContain() != null) {
      missing = new ArrayList<>();
      for (String s : key.mustContain()) {
        if (!holds(a.text(), s)) {
          missing.add(s);
        }
      }
    }
    if (key.mustNotContain() != null) {
      leaked = new ArrayList<>();
      for (String s : key.mustNotContain()) {
        if (holds(a.text(), s)) {
          leaked.add(s);
        }
      }
    }
    Boolean day = null;
    Boolean minute = null;
    if (key.day() != null) {
      day = a.publishedAt() != null && LocalDate.ofInstant(a.publishedAt(), zone).equals(key.day());
    }
    if (key.minute() != null) {
      minute =
          a.publishedAt() != null
              && DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
                  .withZone(zone)
                  .format(a.publishedAt())
                  .equals(key.minute());
    }
    Boolean author = null;
    if (key.authors() != null) {
      author = false;
      for (String k : key.authors()) {
        author |= a.author() != null && names(k).equals(names(a.author()));
      }
    }
    return new PageScore(f1, title, missing, leaked, day, minute, author, null);
  }

  static PageScore failed(KeyedPage key, String error) {
    return new PageScore(
        key.body() == null ? Double.NaN : 0,
        key.titles() == null ? null : false,
        key.mustContain(),
        key.mustNotContain() == null ? null : List.of(),
        key.day() == null ? null : false,
        key.minute() == null ? null : false,
        key.authors() == null ? null : false,
        error);
  }

  /** KEY.md's comparison: whitespace collapsed, or removed where the key has none. */
  private static boolean holds(String text, String s) {
    String body = norm(text);
    String n = norm(s);
    return body.contains(n) || body.replace(" ", "").contains(n.replace(" ", ""));
  }

  private static String norm(String s) {
    return s == null ? "" : Text.clean(s);
  }

  /** Names compared without whitespace and list separators: "常书香 马丹阳" is "常书香、马丹阳". */
  private static String names(String s) {
    return norm(s).replaceAll("[\\s、,，;；/／]+", "");
  }
}
