package dev.yuqing.crawler.extract;

import java.time.Instant;

/**
 * What generic extraction found on an article page.
 *
 * @param url the page URL (after redirects)
 * @param title the headline without site suffixes; null when none was found
 * @param publishedAt publish time; null when the page does not say
 * @param author named author, else the outlet; null when unknown
 * @param text body text, one paragraph per line, without navigation, ads, related links, comments,
 *     byline or footer
 */
public record Article(String url, String title, Instant publishedAt, String author, String text) {}
