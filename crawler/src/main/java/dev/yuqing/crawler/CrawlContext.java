package dev.yuqing.crawler;

import dev.yuqing.core.config.CrawlerConfig;
import dev.yuqing.crawler.extract.Dates;
import dev.yuqing.crawler.fetch.Fetcher;
import java.time.Clock;

/**
 * What every source crawler of a process shares: the fetcher (and with it the per-host limits and
 * robots cache), the clock, date reading, project scoping and the evidence store.
 *
 * @param fetcher fetches pages politely
 * @param clock the clock: fetch times and "now" for relative dates
 * @param dates date reading in the configured zone
 * @param scoper project scoping
 * @param evidence where responses that produced posts are kept
 * @param config the crawler section of the configuration
 */
public record CrawlContext(
    Fetcher fetcher,
    Clock clock,
    Dates dates,
    Scoper scoper,
    Evidence evidence,
    CrawlerConfig config) {}
