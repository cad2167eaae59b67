package dev.yuqing.crawler.extract;

import java.time.Instant;

/**
 * What generic extraction found on an article page.
 *
 * @param url the page URL (after redirects)
 * @param title the headline without site suffixes; null when none was found
 * @param publishedAt publish time; null when the page does not say
 * @param author named author (reporter, writer, account), else the outlet; null when unknown
 * @param source the outlet the page credits (来源), apart from the author; null when none
 * @param text body text, one paragraph per line, without navigation, ads, related links, comments,
 *     byline or footer
 */
public record Article(
    String url, String title, Instant publishedAt, String author, String source, String text) {}
